package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import se.medborgardialog.intake.testing.SealedEvents;

/**
 * The officer's question, as case-service publishes it, reaches the citizen's status page and API; the citizen's
 * reply goes to Kafka as one sealed {@code CitizenReplied}, and nothing is sent where no reply is expected.
 */
class CitizenReplyIntegrationTests extends IntakeIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Before the tests' "now": the officer asked yesterday. */
    private static final Instant ASKED = NOW.minus(Duration.ofDays(1));
    private static final String REPLY = "Det var lampan närmast skolans entré, den som vetter mot Storgatan.";
    private static final String WAITING_TEXT =
            "Handläggaren behöver mer information från dig. Du har fått frågan i e-post.";

    @Test
    void theCitizenSeesTheRequestRepliesOnThePageAndOneSealedCitizenRepliedIsPublished() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);

        Document page = statusPage(code);
        assertThat(page.getElementById("citizen-info-text").text()).isEqualTo(WAITING_TEXT);
        Element form = page.getElementById("reply-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/status/svar");
        assertThat(page.select("label[for=svar-text]").text()).isEqualTo("Ditt svar");
        assertThat(form.selectFirst("textarea#svar-text").hasAttr("required")).isTrue();
        assertThat(page.getElementById("svar-text-hint").text()).contains("Högst 10 000 tecken");
        assertThat(form.select(".bot-trap input[name=webbadress]")).hasSize(1);
        assertThat(form.selectFirst("input[type=hidden][name=_csrf]").val()).isNotBlank();
        assertThat(page.getElementById("citizen-info-sent")).isNull();

        Document receipt = page(mvc.perform(ReplyFormPost.to(mvc, code).text(REPLY).request()).andExpect(status().isOk()));

        assertThat(receipt.title()).isEqualTo("Ditt svar har skickats – Exempelkommun");
        assertThat(receipt.select("h1").eachText()).containsExactly("Tack! Ditt svar har skickats till handläggaren.");
        assertThat(receipt.getElementById("status-link").attr("href")).isEqualTo("/status?kod=" + code);
        List<ConsumerRecord<String, String>> replies = replies(caseId);
        assertThat(replies).hasSize(1);
        ConsumerRecord<String, String> record = replies.get(0);
        assertThat(record.key()).isEqualTo(caseId.toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo(EventTypes.SOURCE_INTAKE);
        assertThat(header(record, "ce_subject")).isEqualTo(caseId.toString());
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isEqualTo(NOW.toString());
        assertThat(record.value()).doesNotContain("Storgatan");
        var event = SealedEvents.unsealed(record.value());
        assertThat(event.get("text").asString()).isEqualTo(REPLY);
        assertThat(event.get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(event.get("trackingCode").asString()).isEqualTo(code);
        assertThat(Instant.parse(event.get("repliedAt").asString())).isEqualTo(NOW);
        assertThat(UUID.fromString(event.get("replyId").asString())).isNotNull();

        Document after = statusPage(code);
        assertThat(after.getElementById("citizen-info-sent").text())
                .isEqualTo("Ditt svar har skickats till handläggaren.");
        assertThat(after.getElementById("reply-form")).isNull();
        api(code).andExpect(jsonPath("$.citizenInfo").value("svar-skickat"));

        events.send(Topics.CASES, caseId.toString(), EventTypes.CITIZEN_INFO_RECEIVED,
                new CitizenInfoReceived(new CaseId(caseId), "stadsmiljo", "medborgare", NOW.plusSeconds(5)));
        await().atMost(PATIENCE).untilAsserted(() -> api(code)
                .andExpect(jsonPath("$.citizenInfo").doesNotExist()));
        Document done = statusPage(code);
        assertThat(done.getElementById("citizen-info-sent")).isNull();
        assertThat(done.getElementById("citizen-info")).isNull();
        assertThat(done.select("ol#history > li").eachText()).contains(
                "22 november 2026: Handläggaren bad om mer information",
                "23 november 2026: Svar på handläggarens fråga skickades",
                "23 november 2026: Handläggaren fick informationen");
        assertThat(done.text()).doesNotContain("Storgatan");
    }

    @Test
    void aDoubleSubmitOfTheFormSendsOneReplyAndShowsTheSameReceiptTwice() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);
        ReplyFormPost reply = ReplyFormPost.to(mvc, code).text(REPLY);

        String first = mvc.perform(reply.request()).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String second = mvc.perform(reply.request()).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(Jsoup.parse(second).select("h1").text()).isEqualTo(Jsoup.parse(first).select("h1").text());
        assertThat(replies(caseId)).hasSize(1);
    }

    @Test
    void anEmptyOrTooLongReplyComesBackWithTheErrorAtTheFieldAndNothingIsSent() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);

        Document empty = page(mvc.perform(ReplyFormPost.to(mvc, code).text("   ").request())
                .andExpect(status().isBadRequest()));
        assertThat(empty.title()).isEqualTo("Fel: Följ ditt ärende – Exempelkommun");
        assertThat(empty.selectFirst(".error-summary a").attr("href")).isEqualTo("#svar-text");
        assertThat(empty.getElementById("svar-text-error").text()).isEqualTo("Fel: Skriv ditt svar.");
        assertThat(empty.getElementById("svar-text").attr("aria-invalid")).isEqualTo("true");
        assertThat(empty.getElementById("svar-text").attr("aria-describedby")).contains("svar-text-error");

        String tooLong = "å".repeat(10_001);
        Document long_ = page(mvc.perform(ReplyFormPost.to(mvc, code).text(tooLong).request())
                .andExpect(status().isBadRequest()));
        assertThat(long_.getElementById("svar-text-error").text())
                .isEqualTo("Fel: Svaret får vara högst 10 000 tecken.");
        assertThat(long_.getElementById("svar-text").text()).isEqualTo(tooLong);

        assertThat(replies(caseId)).isEmpty();
        api(code).andExpect(jsonPath("$.citizenInfo").value("begard"));
    }

    @Test
    void aReplyToACaseThatDoesNotWaitIsRefusedWithAMessageAndNothingIsSent() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = submittedCase(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.status").value("mottagen")));
        Document page = statusPage(code);
        assertThat(page.getElementById("reply-form")).isNull();
        assertThat(page.getElementById("citizen-info")).isNull();

        Document refused = page(mvc.perform(ReplyFormPost.to(mvc, code).text(REPLY).request())
                .andExpect(status().isConflict()));

        assertThat(refused.getElementById("reply-refused").text())
                .isEqualTo(NoQuestionPendingException.NOT_ASKED);
        assertThat(refused.getElementById("reply-form")).isNull();
        assertThat(replies(caseId)).isEmpty();
    }

    @Test
    void aReplyWithAnUnknownCodeIsNotFoundAtTheCodesField() throws Exception {
        String unknown = TestCodes.newCode();
        ReplyFormPost post = ReplyFormPost.to(mvc, unknown).text(REPLY);

        Document page = page(mvc.perform(post.request()).andExpect(status().isNotFound()));

        assertThat(page.getElementById("kod-error").text()).isEqualTo("Fel: " + UnknownTrackingCodeException.MESSAGE);
    }

    @Test
    void theApiTakesAReplyOnceAndAnswers202WithTheReplyId() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);
        String key = UUID.randomUUID().toString();

        String replyId = mvc.perform(apiReply(code, "{\"text\": \"" + REPLY + "\"}").header("Idempotency-Key", key))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.trackingCode").value(code))
                .andExpect(jsonPath("$.message").value(CitizenReplies.MESSAGE))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll(".*\"replyId\":\"([^\"]+)\".*", "$1");
        mvc.perform(apiReply(code, "{\"text\": \"" + REPLY + "\"}").header("Idempotency-Key", key))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.replyId").value(replyId));

        List<ConsumerRecord<String, String>> replies = replies(caseId);
        assertThat(replies).hasSize(1);
        assertThat(SealedEvents.unsealed(replies.get(0).value()).get("replyId").asString()).isEqualTo(replyId);
        api(code).andExpect(jsonPath("$.citizenInfo").value("svar-skickat"));

        mvc.perform(apiReply(code, "{\"text\": \"Och en sak till.\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(NoQuestionPendingException.ALREADY_REPLIED));
        assertThat(replies(caseId)).hasSize(1);
    }

    @Test
    void theApiNamesTheTextOnBadInputAndAnswers409And404WhereNoReplyIsExpected() throws Exception {
        UUID waiting = UUID.randomUUID();
        String waitingCode = waitingCase(waiting);
        UUID notWaiting = UUID.randomUUID();
        String notWaitingCode = submittedCase(notWaiting);
        await().atMost(PATIENCE).untilAsserted(() -> api(notWaitingCode).andExpect(status().isOk()));

        mvc.perform(apiReply(waitingCode, "{\"text\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("Skriv ditt svar."));
        mvc.perform(apiReply(waitingCode, "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(apiReply(waitingCode, "{\"text\": \"" + "x".repeat(10_001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(apiReply(notWaitingCode, "{\"text\": \"Svar\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(NoQuestionPendingException.NOT_ASKED));
        mvc.perform(apiReply(TestCodes.newCode(), "{\"text\": \"Svar\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));

        assertThat(replies(waiting)).isEmpty();
        assertThat(replies(notWaiting)).isEmpty();
    }

    @Test
    void theApiIsRateLimitedLikeEveryOtherPost() throws Exception {
        String unknown = TestCodes.newCode();
        for (int i = 0; i < 20; i++) {
            mvc.perform(apiReply(unknown, "{\"text\": \"Svar\"}").with(request -> {
                request.setRemoteAddr("203.0.113.77");
                return request;
            })).andExpect(status().isNotFound());
        }

        mvc.perform(apiReply(unknown, "{\"text\": \"Svar\"}").with(request -> {
            request.setRemoteAddr("203.0.113.77");
            return request;
        })).andExpect(status().isTooManyRequests());
    }

    @Test
    void aFilledInBotTrapSendsNothing() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);

        mvc.perform(ReplyFormPost.to(mvc, code).text(REPLY).request().formField("webbadress", "http://spam.example")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());

        assertThat(replies(caseId)).isEmpty();
    }

    @Test
    void theReplyFormIsOnlyForTheCasesOwnCodeNotForAReportLinkedToIt() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = waitingCase(caseId);
        String linkedCode = TestCodes.newCode();
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.FELANMALAN_SUBMITTED,
                new FelanmalanSubmitted(new SubmissionId(UUID.randomUUID()),
                        new TrackingCode(linkedCode), "gatubelysning", null, null, List.of(), Channel.APP, NOW, NOW,
                        null, new CaseId(caseId), null));
        await().atMost(PATIENCE).untilAsserted(() -> api(linkedCode).andExpect(status().isOk()));

        api(linkedCode).andExpect(jsonPath("$.citizenInfo").doesNotExist());
        assertThat(statusPage(linkedCode).getElementById("reply-form")).isNull();
        mvc.perform(apiReply(linkedCode, "{\"text\": \"Svar\"}")).andExpect(status().isConflict());
        api(code).andExpect(jsonPath("$.citizenInfo").value("begard"));
    }

    /** A synpunkt read back, then the officer's question: the page offers the form. */
    private String waitingCase(UUID caseId) throws Exception {
        String code = submittedCase(caseId);
        events.send(Topics.CASES, caseId.toString(), EventTypes.CITIZEN_INFO_REQUESTED,
                new CitizenInfoRequested(new CaseId(caseId), "stadsmiljo", "anna", ASKED));
        await().atMost(PATIENCE).untilAsserted(() -> api(code).andExpect(jsonPath("$.citizenInfo").value("begard"))
                .andExpect(jsonPath("$.citizenInfoRequestedAt").value(ASKED.toString())));
        return code;
    }

    private String submittedCase(UUID caseId) {
        String code = TestCodes.newCode();
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, new SynpunktSubmitted(
                new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.KLAGOMAL, "gata-och-trafik", null,
                Channel.WEB, NOW, NOW, null, null, List.of(), "sealed"));
        return code;
    }

    private List<ConsumerRecord<String, String>> replies(UUID caseId) {
        return topic.recordsWithKey(caseId.toString()).stream()
                .filter(record -> EventTypes.CITIZEN_REPLIED.equals(header(record, "ce_type")))
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

    private static MockHttpServletRequestBuilder apiReply(String code, String json) {
        return post("/api/v1/status/{code}/svar", code).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
