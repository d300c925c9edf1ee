package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import se.medborgardialog.intake.testing.SealedEvents;

/**
 * The citizen's side of a breached tjänstegaranti in intake: sla-service's {@code DeadlineBreached} read back into the
 * status view (page and API), and the complaint about it (page and API) published as a sealed {@code
 * SynpunktSubmitted} of kind klagomål with {@code concerns} = the case, through the one submission service.
 */
class BreachComplaintIntegrationTests extends IntakeIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final GuaranteeRef STREET_LIGHTS = new GuaranteeRef("gatubelysning-3-veckor", 1,
            "Gatubelysning lagas inom 3 veckor", GuaranteeType.TJANSTEGARANTI);
    private static final String COMPENSATION = "Du får 200 kronor i ersättning.";
    private static final String SUGGESTED = "Kommunen höll inte tjänstegarantin ”Gatubelysning lagas inom 3 veckor” "
            + "för mitt ärende 2026-000777. Jag vill lämna ett klagomål på det.";

    @Test
    void theStatusPageAndApiTellOfTheBreachedTjanstegarantiWithItsCompensationAndTheComplaintLink() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = breachedCase(caseId);

        api(code).andExpect(jsonPath("$.guaranteeBreached.title").value("Gatubelysning lagas inom 3 veckor"))
                .andExpect(jsonPath("$.guaranteeBreached.compensation").value(COMPENSATION))
                .andExpect(jsonPath("$.guaranteeBreached.complaintUrl").value("/klagomal-garanti?kod=" + code));
        Document page = statusPage(code);
        assertThat(page.getElementById("guarantee-breached-title").text())
                .isEqualTo("Kommunen höll inte sin tjänstegaranti");
        assertThat(page.getElementById("guarantee-breached-text").text()).isEqualTo(
                "Vi har inte hållit tjänstegarantin ”Gatubelysning lagas inom 3 veckor” för ditt ärende. Det beklagar vi.");
        assertThat(page.getElementById("guarantee-compensation").text())
                .isEqualTo("Ersättning enligt garantin: " + COMPENSATION);
        Element link = page.getElementById("complaint-link");
        assertThat(link.text()).isEqualTo("Lämna klagomål på att garantin inte hölls");
        assertThat(link.attr("href")).isEqualTo("/klagomal-garanti?kod=" + code);
        assertThat(page.select("ol#history > li").eachText())
                .contains("23 november 2026: Kommunen höll inte tjänstegarantin ”Gatubelysning lagas inom 3 veckor”");
    }

    @Test
    void aRiktlinjeOrLegalDeadlineBreachIsNotShownToTheCitizenAndTakesNoComplaint() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = openedCase(caseId);
        for (GuaranteeType type : List.of(GuaranteeType.RIKTLINJE, GuaranteeType.LAGKRAV)) {
            events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_BREACHED, new DeadlineBreached(
                    new CaseId(caseId), "first-answer", "stadsmiljo", NOW.minusSeconds(60), NOW,
                    new GuaranteeRef("svar-" + type, 1, "Svar inom två arbetsdagar", type), null));
        }
        // a later tjänstegaranti event of another case shows that both were read
        UUID other = UUID.randomUUID();
        String otherCode = breachedCase(other);
        api(otherCode).andExpect(jsonPath("$.guaranteeBreached.title").exists());

        api(code).andExpect(jsonPath("$.guaranteeBreached").doesNotExist());
        assertThat(statusPage(code).getElementById("guarantee-breached")).isNull();
        Document refused = page(mvc.perform(get("/klagomal-garanti").param("kod", code))
                .andExpect(status().isNotFound()));
        assertThat(refused.getElementById("kod-error").text())
                .isEqualTo("Fel: " + UnknownTrackingCodeException.NO_BREACH);
        mvc.perform(apiComplaint(code, "{}")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));
        assertThat(complaintsAbout(caseId)).isEmpty();
    }

    @Test
    void theComplaintPageFilesOneKlagomalAboutTheCaseWithTheTextTheCitizenEdited() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = breachedCase(caseId);

        ComplaintForm form = ComplaintForm.shown(mvc, code);
        Document page = form.page();
        assertThat(page.title()).isEqualTo("Klagomål på att garantin inte hölls – Exempelkommun");
        assertThat(page.select("h1").text()).isEqualTo("Lämna klagomål på att garantin inte hölls");
        assertThat(page.getElementById("klagomal-arende").text()).isEqualTo("Ditt klagomål gäller ditt ärende med "
                + "diarienummer 2026-000777. Kommunen höll inte tjänstegarantin ”Gatubelysning lagas inom 3 veckor”.");
        assertThat(page.getElementById("klagomal-ersattning").text()).contains(COMPENSATION);
        assertThat(page.getElementById("klagomal-typ").text()).isEqualTo("Klagomål");
        assertThat(page.getElementById("klagomal-text").text()).isEqualTo(SUGGESTED);
        assertThat(page.select("label[for=klagomal-text]").text()).isEqualTo("Ditt klagomål");
        assertThat(page.select("#klagomal-form .bot-trap input[name=webbadress]")).hasSize(1);
        assertThat(page.select("#klagomal-form input[name=kind]")).isEmpty();

        String edited = SUGGESTED + " Lampan har varit släckt i sex veckor.";
        Document receipt = page(mvc.perform(form.post(edited, "greta@example.se")).andExpect(status().isOk()));
        Document again = page(mvc.perform(form.post(edited, "greta@example.se")).andExpect(status().isOk()));

        assertThat(receipt.title()).isEqualTo("Tack för din synpunkt – Exempelkommun");
        String complaintCode = receipt.getElementById("tracking-code").text();
        assertThat(again.getElementById("tracking-code").text()).isEqualTo(complaintCode);
        List<ConsumerRecord<String, String>> complaints = complaintsAbout(caseId);
        assertThat(complaints).hasSize(1);
        var event = SealedEvents.unsealed(complaints.get(0).value());
        assertThat(event.get("concerns").asString()).isEqualTo(caseId.toString());
        assertThat(event.get("kind").asString()).isEqualTo("KLAGOMAL");
        assertThat(event.get("channel").asString()).isEqualTo("WEB");
        assertThat(event.get("category").asString()).isEqualTo("gata-och-trafik");
        assertThat(event.get("trackingCode").asString()).isEqualTo(complaintCode).isNotEqualTo(code);
        assertThat(event.get("text").asString()).isEqualTo(edited);
        assertThat(event.get("contact").get("email").asString()).isEqualTo("greta@example.se");
        assertThat(complaints.get(0).value()).doesNotContain("sex veckor", "greta@example.se");
    }

    @Test
    void anEmptiedTextOrABadAddressComesBackAtItsFieldAndNothingIsPublished() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = breachedCase(caseId);
        ComplaintForm form = ComplaintForm.shown(mvc, code);

        Document refused = page(mvc.perform(form.post("  ", "inte-en-adress")).andExpect(status().isBadRequest()));

        assertThat(refused.title()).isEqualTo("Fel: Klagomål på att garantin inte hölls – Exempelkommun");
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#klagomal-text", "#email");
        assertThat(refused.getElementById("klagomal-text-error").text()).isEqualTo("Fel: Skriv din synpunkt.");
        assertThat(refused.getElementById("email").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.getElementById("email").val()).isEqualTo("inte-en-adress");
        assertThat(complaintsAbout(caseId)).isEmpty();
    }

    @Test
    void anUnknownCodeIsTheSwedishNotFoundPage() throws Exception {
        String unknown = TestCodes.newCode();

        Document page = page(mvc.perform(get("/klagomal-garanti").param("kod", unknown))
                .andExpect(status().isNotFound()));

        assertThat(page.title()).isEqualTo("Fel: Följ ditt ärende – Exempelkommun");
        assertThat(page.getElementById("kod-error").text()).isEqualTo("Fel: " + UnknownTrackingCodeException.MESSAGE);
        mvc.perform(get("/klagomal-garanti").param("kod", "x")).andExpect(status().isBadRequest());
        mvc.perform(apiComplaint(unknown, "{}")).andExpect(status().isNotFound());
    }

    @Test
    void theApiFilesTheComplaintOncePerKeyWithTheSuggestedTextWhenNoneIsGiven() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = breachedCase(caseId);
        String key = UUID.randomUUID().toString();

        String body = "{\"contact\": {\"name\": \"Greta\", \"phone\": \"070-123 45 67\"}}";
        mvc.perform(apiComplaint(code, body).header("Idempotency-Key", key))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.trackingCode").exists())
                .andExpect(jsonPath("$.anonymous").value(false));
        mvc.perform(apiComplaint(code, body).header("Idempotency-Key", key)).andExpect(status().isAccepted());
        mvc.perform(apiComplaint(code, "{\"text\": \"\", \"contact\": {\"email\": \"nej\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("text",
                        "contact.email")));

        List<ConsumerRecord<String, String>> complaints = complaintsAbout(caseId);
        assertThat(complaints).hasSize(1);
        var event = SealedEvents.unsealed(complaints.get(0).value());
        assertThat(event.get("concerns").asString()).isEqualTo(caseId.toString());
        assertThat(event.get("channel").asString()).isEqualTo("APP");
        assertThat(event.get("text").asString()).isEqualTo(SUGGESTED);
    }

    /** A synpunkt read back, registered as 2026-000777, whose tjänstegaranti was then breached. */
    private String breachedCase(UUID caseId) throws Exception {
        String code = openedCase(caseId);
        events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_BREACHED, new DeadlineBreached(
                new CaseId(caseId), "guarantee:gatubelysning", "stadsmiljo", NOW.minusSeconds(60), NOW, STREET_LIGHTS,
                COMPENSATION));
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.guaranteeBreached").exists()));
        return code;
    }

    private String openedCase(UUID caseId) throws Exception {
        String code = TestCodes.newCode();
        Instant received = NOW.minus(Duration.ofDays(30));
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, new SynpunktSubmitted(
                new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.KLAGOMAL, "gata-och-trafik", null,
                Channel.WEB, received, received, null, null, List.of(), "sealed"));
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, new CaseOpened(new CaseId(caseId),
                new SubmissionId(caseId), new Diarienummer("2026-000777"), SynpunktKind.KLAGOMAL, "gata-och-trafik",
                Channel.WEB, "stadsmiljo", received, received, CaseType.SYNPUNKT, null));
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.diarienummer").exists()));
        return code;
    }

    private List<ConsumerRecord<String, String>> complaintsAbout(UUID caseId) {
        return topic.records().stream()
                .filter(record -> EventTypes.SYNPUNKT_SUBMITTED.equals(header(record, "ce_type")))
                .filter(record -> record.value().contains("\"concerns\":\"" + caseId + "\""))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Document statusPage(String code) throws Exception {
        return page(mvc.perform(get("/status").param("kod", code)).andExpect(status().isOk()));
    }

    private ResultActions api(String code) throws Exception {
        return mvc.perform(get("/api/v1/status/{code}", code)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder apiComplaint(String code, String json) {
        return post("/api/v1/status/{code}/klagomal", code).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The complaint form as a browser shows and posts it: its CSRF cookie and token, and its own form token. */
    private record ComplaintForm(String code, Document page, Cookie csrfCookie, String csrfToken, String formToken) {

        static ComplaintForm shown(org.springframework.test.web.servlet.MockMvc mvc, String code) throws Exception {
            MockHttpServletResponse shown = mvc.perform(get("/klagomal-garanti").param("kod", code)).andReturn()
                    .getResponse();
            assertThat(shown.getStatus()).isEqualTo(200);
            Document page = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8));
            Element form = page.getElementById("klagomal-form");
            HttpCookie cookie = HttpCookie.parse(shown.getHeaders(HttpHeaders.SET_COOKIE).stream()
                    .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()).get(0);
            return new ComplaintForm(code, page, new Cookie(cookie.getName(), cookie.getValue()),
                    form.selectFirst("input[name=_csrf]").val(), form.selectFirst("input[name=idempotencyKey]").val());
        }

        MockHttpServletRequestBuilder post(String text, String email) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/klagomal-garanti")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                    .cookie(csrfCookie)
                    .formField("_csrf", csrfToken)
                    .formField("kod", code)
                    .formField("idempotencyKey", formToken)
                    .formField("text", text)
                    .formField("name", "Greta Gatsten")
                    .formField("email", email)
                    .formField("phone", "")
                    .formField("webbadress", "");
        }
    }
}
