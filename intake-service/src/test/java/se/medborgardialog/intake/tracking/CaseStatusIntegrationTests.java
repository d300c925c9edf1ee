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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.DuplicateReportLinked;
import se.medborgardialog.contracts.EforslagRejected;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/** The citizen's status view, built only from contract events sent to Kafka as the other services send them. */
class CaseStatusIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    CaseProgressLookup progress;

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant RECEIVED = NOW;
    private static final Instant OPENED = NOW.plusSeconds(5);
    private static final Instant ANSWERED = Instant.parse("2026-11-24T09:30:00Z");
    private static final Instant CLOSED = Instant.parse("2026-11-25T15:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void followsASynpunktFromReceiptThroughRegistrationAndAnswerToClosing() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        String diarienummer = "KS 2026/" + (1000 + RANDOM.nextInt(9000));

        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED,
                synpunkt(caseId, code, "gata-och-trafik"));
        awaitStatus(code, "mottagen");

        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, opened(caseId, diarienummer));
        events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(
                new CaseId(caseId), "first-answer", "stadsmiljo", 2, RECEIVED, LocalDate.parse("2026-11-25"),
                Instant.parse("2026-11-25T22:59:59.999999999Z")));
        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.statusText").value("Registrerad som " + diarienummer))
                .andExpect(jsonPath("$.answerBy").value("2026-11-25")));

        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_ANSWERED,
                new CaseAnswered(new CaseId(caseId), "stadsmiljo", ANSWERED, "anna"));
        awaitStatus(code, "besvarad");
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_CLOSED,
                new CaseClosed(new CaseId(caseId), "stadsmiljo", CaseOutcome.BESVARAT, CLOSED, "anna"));
        awaitStatus(code, "avslutad");

        String json = api(code)
                .andExpect(jsonPath("$.trackingCode").value(code))
                .andExpect(jsonPath("$.statusText").value("Avslutad"))
                .andExpect(jsonPath("$.diarienummer").value(diarienummer))
                .andExpect(jsonPath("$.unit").value("stadsmiljo"))
                .andExpect(jsonPath("$.unitName").value("Stadsmiljö"))
                .andExpect(jsonPath("$.kind").value("KLAGOMAL"))
                .andExpect(jsonPath("$.category").value("gata-och-trafik"))
                .andExpect(jsonPath("$.outcome").value("BESVARAT"))
                .andExpect(jsonPath("$.history[*].type").value(
                        Matchers.contains("mottagen", "registrerad", "besvarad", "avslutad")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Gatlampan", "Greta", "greta@example.se", "anna");
        assertThat(progress.unitOf(caseId.toString())).contains("stadsmiljo");
        CaseProgress read = progress.find(List.of(caseId.toString())).get(caseId.toString());
        assertThat(read.diarienummer()).isEqualTo(diarienummer);
        assertThat(read.openedAt()).isEqualTo(OPENED);
        assertThat(read.closed()).isTrue();
        assertThat(read.updatedAt()).isEqualTo(CLOSED);

        // The page, with the code typed in lower case and without dashes.
        Document page = page(mvc.perform(get("/status").param("kod", code.toLowerCase().replace("-", "")))
                .andExpect(status().isOk()));
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("label[for=kod]")).hasSize(1);
        assertThat(page.getElementById("status-text").text()).isEqualTo("Avslutad");
        assertThat(page.getElementById("diarienummer").text()).isEqualTo(diarienummer);
        assertThat(page.getElementById("case-category").text()).isEqualTo("Gata och trafik");
        assertThat(page.getElementById("unit").text()).isEqualTo("Stadsmiljö");
        assertThat(page.getElementById("answer-by").text()).isEqualTo("onsdag 25 november 2026");
        assertThat(page.select("ol#history > li").eachText()).containsExactly(
                "23 november 2026: Mottagen",
                "23 november 2026: Registrerad som " + diarienummer,
                "24 november 2026: Besvarad",
                "25 november 2026: Avslutad (besvarat)");
        assertThat(page.text()).doesNotContain("Gatlampan", "Greta");
    }

    @Test
    void onlyTheAnswerClockSetsTheDateTheCitizenIsPromised() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED,
                synpunkt(caseId, code, "gata-och-trafik"));
        events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_SCHEDULED, scheduled(caseId,
                "first-answer", "2026-11-25"));
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.answerBy").value("2026-11-25")));

        events.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_SCHEDULED, scheduled(caseId,
                "lex-sarah-utredning", "2026-11-24"));
        // The deadlines topic has one partition here: once a later event is read, the other clock has been too.
        UUID marker = UUID.randomUUID();
        String markerCode = TestCodes.newCode();
        events.send(Topics.SUBMISSIONS, marker.toString(), EventTypes.SYNPUNKT_SUBMITTED,
                synpunkt(marker, markerCode, "gata-och-trafik"));
        awaitStatus(markerCode, "mottagen");
        events.send(Topics.DEADLINES, marker.toString(), EventTypes.DEADLINE_SCHEDULED, scheduled(marker,
                "first-answer", "2026-12-01"));
        await().atMost(PATIENCE).untilAsserted(() -> api(markerCode)
                .andExpect(jsonPath("$.answerBy").value("2026-12-01")));

        api(code).andExpect(jsonPath("$.answerBy").value("2026-11-25"));
        // The same promise is what other features read (Open311's expected_datetime).
        assertThat(progress.find(List.of(caseId.toString())).get(caseId.toString()).expectedAt())
                // MongoDB keeps instants to the millisecond
                .isEqualTo(scheduled(caseId, "first-answer", "2026-11-25").dueAt().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aFelanmalanShowsTheNameOfItsFelanmalanCategory() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();

        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.FELANMALAN_SUBMITTED,
                felanmalan(caseId, code, null));

        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.category").value("gatubelysning"))
                .andExpect(jsonPath("$.categoryName").value("Gatubelysning")));
    }

    @Test
    void aCaseOpenedBeforeItsSubmissionWasReadStillShowsBoth() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();

        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, opened(caseId, "KS 2026/42"));
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED,
                synpunkt(caseId, code, "gata-och-trafik"));

        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.status").value("registrerad"))
                .andExpect(jsonPath("$.history[*].type").value(Matchers.contains("mottagen", "registrerad"))));
    }

    @Test
    void aDuplicateFelanmalanCodeShowsTheCaseItWasLinkedTo() throws Exception {
        UUID existing = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        String firstCode = TestCodes.newCode();
        String duplicateCode = TestCodes.newCode();

        events.send(Topics.SUBMISSIONS, existing.toString(), EventTypes.FELANMALAN_SUBMITTED,
                felanmalan(existing, firstCode, null));
        events.send(Topics.CASES, existing.toString(), EventTypes.CASE_OPENED, new CaseOpened(new CaseId(existing),
                new SubmissionId(existing), new Diarienummer("SBN 2026/77"), null, "gatubelysning", Channel.APP,
                "stadsmiljo", RECEIVED, OPENED, CaseType.FELANMALAN, null));
        events.send(Topics.SUBMISSIONS, existing.toString(), EventTypes.FELANMALAN_SUBMITTED,
                felanmalan(duplicate, duplicateCode, new CaseId(existing)));
        events.send(Topics.CASES, existing.toString(), EventTypes.DUPLICATE_REPORT_LINKED,
                new DuplicateReportLinked(new CaseId(existing), new SubmissionId(duplicate), "stadsmiljo",
                        OPENED.plusSeconds(60)));

        await().atMost(PATIENCE).untilAsserted(() -> api(duplicateCode)
                .andExpect(jsonPath("$.diarienummer").value("SBN 2026/77"))
                .andExpect(jsonPath("$.caseType").value("FELANMALAN"))
                .andExpect(jsonPath("$.history[*].type").value(
                        Matchers.contains("mottagen", "registrerad", "dubblett-kopplad"))));
        api(firstCode).andExpect(jsonPath("$.diarienummer").value("SBN 2026/77"));
    }

    @Test
    void aRedeliveredEventAddsNoSecondHistoryEntry() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        SynpunktSubmitted submitted = synpunkt(caseId, code, "ovrigt");
        CaseOpened opened = opened(caseId, "KS 2026/99");

        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, submitted);
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, submitted);
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, "opened-" + caseId, opened);
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, "opened-" + caseId, opened);
        // Read after both copies on the same partition: once it shows, both copies have been handled.
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_ANSWERED,
                new CaseAnswered(new CaseId(caseId), "stadsmiljo", ANSWERED, "anna"));

        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.status").value("besvarad"))
                .andExpect(jsonPath("$.history[*].type").value(
                        Matchers.contains("mottagen", "registrerad", "besvarad"))));
    }

    @Test
    void anUnknownCodeIsNotFoundInSwedishAndAMalformedOneIsABadRequest() throws Exception {
        String unknown = TestCodes.newCode();

        mvc.perform(get("/api/v1/status/{code}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Hittar inget ärende med den koden.")))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));
        mvc.perform(get("/api/v1/status/{code}", "inte-en-kod"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));

        Document page = page(mvc.perform(get("/status").param("kod", unknown)).andExpect(status().isNotFound()));
        assertThat(page.title()).startsWith("Fel: ");
        assertThat(page.select("h1")).hasSize(1);
        Element summaryLink = page.selectFirst(".error-summary a");
        assertThat(summaryLink.attr("href")).isEqualTo("#kod");
        assertThat(summaryLink.text()).isEqualTo(
                "Hittar inget ärende med den koden. Om du nyss skickat in, vänta en minut och försök igen.");
        Element input = page.getElementById("kod");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).contains("kod-error");
        assertThat(input.attr("value")).isEqualTo(unknown);
        assertThat(page.getElementById("kod-error").text()).contains("Hittar inget ärende");
        assertThat(page.getElementById("case-status")).isNull();

        Document malformed = page(mvc.perform(get("/status").param("kod", "abc")).andExpect(status().isBadRequest()));
        assertThat(malformed.getElementById("kod-error").text()).contains("16 tecken");
    }

    @Test
    void theEmptyPageIsAGetFormWithALabelledField() throws Exception {
        Document page = page(mvc.perform(get("/status")).andExpect(status().isOk()));

        Element form = page.getElementById("status-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("input[name=kod]")).hasSize(1);
        assertThat(page.select("label[for=kod]").text()).isEqualTo("Spårningskod");
        assertThat(page.select(".error-summary")).isEmpty();
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void markupInAnyFieldIsShownAsText() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        String script = "<script>alert('x')</script>";

        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED,
                synpunkt(caseId, code, script));
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, new CaseOpened(new CaseId(caseId),
                new SubmissionId(caseId), new Diarienummer(script), SynpunktKind.FRAGA, script, Channel.WEB,
                script, RECEIVED, OPENED, CaseType.SYNPUNKT, null));
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.status").value("registrerad")));

        Document page = page(mvc.perform(get("/status").param("kod", code)).andExpect(status().isOk()));
        assertThat(page.select("script")).isEmpty();
        assertThat(page.getElementById("case-category").text()).isEqualTo(script);
        assertThat(page.getElementById("unit").text()).isEqualTo(script);
        assertThat(page.getElementById("status-text").text()).isEqualTo("Registrerad som " + script);
    }

    @Test
    void aRejectedEforslagShowsTheReason() throws Exception {
        UUID proposal = UUID.randomUUID();
        String code = TestCodes.newCode();

        events.send(Topics.SUBMISSIONS, proposal.toString(), EventTypes.EFORSLAG_SUBMITTED, new EforslagSubmitted(
                new SubmissionId(proposal), new TrackingCode(code), "En titel", "kultur-och-fritid", Channel.WEB,
                RECEIVED));
        // Really on the submissions topic; sent on the cases topic here (intake dispatches on ce_type alone) because
        // submission/SynpunktPageIntegrationTests reads every record on the submissions topic as having a trackingCode.
        events.send(Topics.CASES, proposal.toString(), EventTypes.EFORSLAG_REJECTED, new EforslagRejected(
                new SubmissionId(proposal), "Frågan ligger utanför kommunens ansvar.", OPENED, "moderator"));

        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.statusText").value("Avvisat"))
                .andExpect(jsonPath("$.history[1].text")
                        .value("Avvisat: Frågan ligger utanför kommunens ansvar.")));
        api(code).andExpect(jsonPath("$.caseType").value("E_FORSLAG"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("En titel"))));
    }

    @Test
    void theReceiptLinksToTheStatusPageWhichShowsTheSynpunktOnceIntakeHasReadItBack() throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/synpunkt")).andReturn().getResponse();
        Document form = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8));
        HttpCookie token = HttpCookie.parse(shown.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()).get(0);

        Document receipt = page(mvc.perform(post("/synpunkt")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                        .cookie(new Cookie(token.getName(), token.getValue()))
                        .formField("_csrf", form.selectFirst("input[name=_csrf]").val())
                        .formField("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val())
                        .formField("kind", "fråga")
                        .formField("category", "park-och-natur")
                        .formField("text", "När klipps gräset i parken?"))
                .andExpect(status().isOk()));
        String code = receipt.selectFirst("code#tracking-code").text();
        String link = receipt.getElementById("status-link").attr("href");
        assertThat(link).isEqualTo("/status?kod=" + code);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Document page = page(mvc.perform(get(link)).andExpect(status().isOk()));
            assertThat(page.getElementById("status-text").text()).isEqualTo("Mottagen");
            assertThat(page.getElementById("case-kind").text()).isEqualTo("Synpunkt (fråga)");
            assertThat(page.getElementById("case-category").text()).isEqualTo("Park och natur");
            assertThat(page.select("ol#history > li").eachText()).containsExactly("23 november 2026: Mottagen");
            assertThat(page.text()).doesNotContain("gräset");
        });
    }

    private ResultActions api(String code) throws Exception {
        return mvc.perform(get("/api/v1/status/{code}", code)).andExpect(status().isOk());
    }

    private void awaitStatus(String code, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.status").value(status)));
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static SynpunktSubmitted synpunkt(UUID caseId, String code, String category) {
        return new SynpunktSubmitted(new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.KLAGOMAL,
                category, "Gatlampan vid skolan är trasig.", Channel.WEB, RECEIVED, RECEIVED,
                new Contact("Greta Exempel", "greta@example.se", null), null, List.of(), null);
    }

    private static DeadlineScheduled scheduled(UUID caseId, String clock, String dueDate) {
        LocalDate due = LocalDate.parse(dueDate);
        return new DeadlineScheduled(new CaseId(caseId), clock, "stadsmiljo", 2, RECEIVED, due,
                due.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Stockholm")).toInstant().minusNanos(1));
    }

    private static CaseOpened opened(UUID caseId, String diarienummer) {
        return new CaseOpened(new CaseId(caseId), new SubmissionId(caseId), new Diarienummer(diarienummer),
                SynpunktKind.KLAGOMAL, "gata-och-trafik", Channel.WEB, "stadsmiljo", RECEIVED, OPENED,
                CaseType.SYNPUNKT, null);
    }

    private static FelanmalanSubmitted felanmalan(UUID submissionId, String code, CaseId duplicateOf) {
        return new FelanmalanSubmitted(new SubmissionId(submissionId), new TrackingCode(code), "gatubelysning",
                "Lampan är släckt.", null, List.of(), Channel.APP, RECEIVED, RECEIVED, null, duplicateOf, null);
    }
}
