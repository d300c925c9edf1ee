package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.publishing.IdempotencyRecord;
import se.medborgardialog.intake.submission.BrokerStoppedIntegrationTestContext;
import se.medborgardialog.intake.testing.EventsOnKafka;

/**
 * When Kafka stops acknowledging, the citizen is told in Swedish that the reply was NOT sent (503), with the text
 * and the form's token kept, so sending again publishes the same reply; nothing is lost in between.
 */
class CitizenReplyWithoutKafkaIntegrationTests extends BrokerStoppedIntegrationTestContext {

    private static final String REPLY = "Felet gäller cykelbanan, inte gatan.";

    @Test
    void saysInSwedishThatTheReplyWasNotSentAndKeepsTheTextAndTheFormsTokenForAnotherTry() throws Exception {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        Instant asked = Instant.parse("2026-11-20T09:00:00Z");
        EventsOnKafka events = new EventsOnKafka(broker.getBrokersAsString());
        events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, new SynpunktSubmitted(
                new SubmissionId(caseId), new TrackingCode(code), SynpunktKind.KLAGOMAL, "gata-och-trafik", null,
                Channel.WEB, asked, asked, null, null, List.of(), "sealed"));
        events.send(Topics.CASES, caseId.toString(), EventTypes.CITIZEN_INFO_REQUESTED,
                new CitizenInfoRequested(new CaseId(caseId), "stadsmiljo", "anna", asked));
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> mvc
                .perform(get("/api/v1/status/{code}", code)).andExpect(jsonPath("$.citizenInfo").value("begard")));
        ReplyFormPost reply = ReplyFormPost.to(mvc, code).text(REPLY);
        broker.destroy();

        String html = mvc.perform(reply.request())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "15"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Document page = Jsoup.parse(html);
        assertThat(page.title()).isEqualTo("Inte skickat: Följ ditt ärende – Exempelkommun");
        assertThat(page.selectFirst("[role=alert] h2").text()).isEqualTo("Ditt svar har inte skickats");
        assertThat(page.selectFirst("[role=alert]").text()).contains("Försök igen om en stund");
        assertThat(page.getElementById("svar-text").text()).isEqualTo(REPLY);
        assertThat(page.selectFirst("#reply-form input[name=idempotencyKey]").val()).isEqualTo(reply.formToken());
        IdempotencyRecord record = mongo.findById("citizen-reply-form:" + reply.formToken(), IdempotencyRecord.class);
        assertThat(record).isNotNull();
        assertThat(record.published()).isFalse();
        assertThat(record.event().type()).isEqualTo(EventTypes.CITIZEN_REPLIED);
        assertThat(record.event().key()).isEqualTo(caseId.toString());
    }
}
