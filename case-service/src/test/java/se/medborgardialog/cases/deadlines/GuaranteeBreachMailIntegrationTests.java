package se.medborgardialog.cases.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static se.medborgardialog.cases.Submissions.aSubmission;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.cases.RecordingKafkaProbe;
import se.medborgardialog.cases.TestSmtp;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseMail;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's side of a breach: sla-service's {@code DeadlineBreached} with a guarantee, as it publishes it, against
 * a real in-process broker, the in-process store and an SMTP server. A breached tjänstegaranti is mailed once to a
 * citizen with an e-mail address, with the complaint link and the compensation; nothing else is mailed.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h",
        "cases.mail.intake-base-url=https://e-tjanster.exempel.se/"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
class GuaranteeBreachMailIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final GuaranteeRef STREET_LIGHTS = new GuaranteeRef("gatubelysning-3-veckor", 2,
            "Gatubelysning lagas inom 3 veckor", GuaranteeType.TJANSTEGARANTI);
    private static final String COMPENSATION = "Du får 200 kronor i ersättning.";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, "cases-guarantee-breach-it", smtp);
    }

    private static RecordingKafkaProbe kafka;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseStore store;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void kafka(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new RecordingKafkaProbe(broker.getBrokersAsString(), Topics.CASES);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aBreachedTjanstegarantiIsMailedOnceWithTheComplaintLinkAndTheCompensationIsOnTheCase() throws Exception {
        String address = "greta-" + UUID.randomUUID() + "@example.se";
        SynpunktSubmitted submission = aSubmission().withContact(new Contact("Greta Gatsten", address, null)).build();
        CaseId caseId = open(submission);
        DeadlineBreached breach = breach(caseId, STREET_LIGHTS, COMPENSATION);

        sendBreach(breach);

        MimeMessage mail = awaitOneMailTo(address);
        String code = submission.trackingCode().value();
        String diarienummer = store.find(caseId).orElseThrow().diarienummer().value();
        assertThat(mail.getSubject()).isEqualTo("Vi höll inte tjänstegarantin för din synpunkt " + diarienummer);
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("Hej Greta Gatsten!\n\n")
                .contains("Vi har inte hållit vår tjänstegaranti ”Gatubelysning lagas inom 3 veckor” för din synpunkt "
                        + "med diarienummer " + diarienummer + " (spårningskod " + code + ").")
                .contains("Ersättning enligt garantin: " + COMPENSATION)
                .contains("https://e-tjanster.exempel.se/klagomal-garanti?kod=" + code + "\n")
                .contains("https://e-tjanster.exempel.se/status?kod=" + code);
        assertThat(mail.getHeader("X-Medborgardialog-Mail-Id")).hasSize(1);

        JsonNode view = read(caseId);
        JsonNode recorded = view.get("guaranteeBreaches").get(0);
        assertThat(recorded.get("guaranteeId").asString()).isEqualTo("gatubelysning-3-veckor");
        assertThat(recorded.get("guaranteeVersion").asInt()).isEqualTo(2);
        assertThat(recorded.get("title").asString()).isEqualTo("Gatubelysning lagas inom 3 veckor");
        assertThat(recorded.get("type").asString()).isEqualTo("TJANSTEGARANTI");
        assertThat(recorded.get("compensation").asString()).isEqualTo(COMPENSATION);
        assertThat(recorded.get("breachedAt").asString()).isEqualTo(breach.detectedAt().toString());
        assertThat(recorded.get("recordedAt").isNull()).isFalse();
        assertThat(view.get("mails").toString()).contains("\"purpose\":\"BREACH\"");
        await().atMost(PATIENCE).until(() -> store.find(caseId).orElseThrow().mails().stream()
                .filter(sent -> sent.purpose() == CaseMail.Purpose.BREACH).allMatch(sent -> sent.sentAt() != null));

        String historyEntry = "tjänstegarantin ”Gatubelysning lagas inom 3 veckor” (version 2) hölls inte; "
                + "ersättning: " + COMPENSATION;
        JsonNode history = json.readTree(mvc.perform(get("/api/v1/cases/{id}/history", caseId.toString())
                .with(httpBasic("anna", "utveckling"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(history.get("history").toString()).contains(historyEntry);

        // redelivered (sla-service's relay, a rebalance): recorded once, mailed once
        long duplicatesBefore = duplicates();
        sendBreach(breach);
        await().atMost(PATIENCE).until(() -> duplicates() > duplicatesBefore);
        assertThat(mailsTo(address)).hasSize(1);
        Case stored = store.find(caseId).orElseThrow();
        assertThat(stored.guaranteeBreaches()).hasSize(1);
        assertThat(stored.history()).filteredOn(step -> step.what().equals(historyEntry)).hasSize(1);
    }

    @Test
    void aRiktlinjeOrLegalDeadlineBreachIsRecordedButNotMailed() throws Exception {
        String address = "rolf-" + UUID.randomUUID() + "@example.se";
        CaseId caseId = open(aSubmission().withContact(new Contact("Rolf", address, null)).build());

        sendBreach(breach(caseId, new GuaranteeRef("synpunkt-2-arbetsdagar", 1, "Svar inom två arbetsdagar",
                GuaranteeType.RIKTLINJE), null));
        sendBreach(new DeadlineBreached(caseId, "fl-11", "stadsmiljo", Instant.now().minusSeconds(60), Instant.now(),
                new GuaranteeRef("fl-11-forsening", 1, "Underrättelse om väsentlig försening", GuaranteeType.LAGKRAV),
                null));

        await().atMost(PATIENCE).until(() -> store.find(caseId).orElseThrow().guaranteeBreaches().size() == 2);
        assertThat(read(caseId).get("guaranteeBreaches").get(0).get("compensation").isNull()).isTrue();
        assertThat(store.find(caseId).orElseThrow().mails()).isEmpty();
        assertThat(mailsTo(address)).isEmpty();
    }

    @Test
    void anAnonymousCitizenOrOneWithoutAnEmailAddressGetsNoMailButTheCompensationIsRecorded() throws Exception {
        CaseId anonymous = open(aSubmission().anonymous().build());
        CaseId byPhone = open(aSubmission().withContact(new Contact("Per", null, "070-1234567")).build());
        int mailsBefore = smtp.getReceivedMessages().length;

        sendBreach(breach(anonymous, STREET_LIGHTS, COMPENSATION));
        sendBreach(breach(byPhone, STREET_LIGHTS, COMPENSATION));

        for (CaseId caseId : List.of(anonymous, byPhone)) {
            await().atMost(PATIENCE).until(() -> !store.find(caseId).orElseThrow().guaranteeBreaches().isEmpty());
            Case stored = store.find(caseId).orElseThrow();
            assertThat(stored.guaranteeBreaches().get(0).compensation()).isEqualTo(COMPENSATION);
            assertThat(stored.mails()).isEmpty();
        }
        assertThat(smtp.getReceivedMessages()).hasSize(mailsBefore);
    }

    private static DeadlineBreached breach(CaseId caseId, GuaranteeRef guarantee, String compensation) {
        Instant detected = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new DeadlineBreached(caseId, "guarantee:" + guarantee.id(), "stadsmiljo", detected.minusSeconds(1),
                detected, guarantee, compensation);
    }

    private CaseId open(SynpunktSubmitted submission) throws Exception {
        String caseId = submission.submissionId().toString();
        kafka.send(Topics.SUBMISSIONS, caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));
        kafka.await(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        return new CaseId(UUID.fromString(caseId));
    }

    private void sendBreach(DeadlineBreached breach) throws Exception {
        kafka.send(Topics.DEADLINES, breach.caseId().toString(), EventTypes.DEADLINE_BREACHED,
                json.writeValueAsBytes(breach));
    }

    private long duplicates() {
        Timer timer = meters.find("medborgardialog.messages.processed").tag("type", EventTypes.DEADLINE_BREACHED)
                .tag("outcome", "duplicate").timer();
        return timer == null ? 0 : timer.count();
    }

    private JsonNode read(CaseId caseId) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cases/{id}", caseId.toString())
                .with(httpBasic("anna", "utveckling"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to instanceof InternetAddress internet && address.equals(internet.getAddress())) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static MimeMessage awaitOneMailTo(String address) {
        await().atMost(PATIENCE).until(() -> !mailsTo(address).isEmpty());
        try {
            List<MimeMessage> found = mailsTo(address);
            assertThat(found).hasSize(1);
            return found.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
