package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/**
 * The read-back bindings a poll at a time: the status view's writes of a poll go to the store together, a record that
 * fails is dead-lettered alone with its reason, and the records after it are still applied; a poll heard twice
 * changes nothing.
 */
class InboundPollIntegrationTests extends IntakeIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CASE_EVENTS = "caseEvents-in-0";
    private static final String SUBMISSION_EVENTS = "submissionEvents-in-0";
    private static final String DEAD_LETTERS = "medborgardialog.cases.v1.intake-service.dlt";

    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aPoisonInThePollIsDeadLetteredAloneAndTheRecordsAroundItAreApplied() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String poison = "Inget ärende " + UUID.randomUUID();
        bindings.pause(CASE_EVENTS);
        try {
            events.send(Topics.CASES, first.toString(), EventTypes.CASE_OPENED, opened(first, "KS 2026/4101"));
            events.send(Topics.CASES, second.toString(), EventTypes.CASE_OPENED, poison);
            events.send(Topics.CASES, first.toString(), EventTypes.CASE_ANSWERED,
                    new CaseAnswered(new CaseId(first), "stadsmiljo", NOW.plusSeconds(60), "anna"));
            events.send(Topics.CASES, second.toString(), EventTypes.CASE_OPENED, opened(second, "KS 2026/4102"));
        } finally {
            bindings.resume(CASE_EVENTS);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(first)).isNotNull().satisfies(status -> {
                assertThat(status.diarienummer()).isEqualTo("KS 2026/4101");
                assertThat(status.answeredAt()).isEqualTo(NOW.plusSeconds(60));
            });
            assertThat(status(second)).isNotNull()
                    .extracting(CaseStatus::diarienummer).isEqualTo("KS 2026/4102");
        });
        List<ConsumerRecord<String, String>> letters = deadLettersContaining(poison);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(second.toString());
            assertThat(text(letter, "x-exception-message")).isNotBlank();
            assertThat(text(letter, "x-original-topic")).isEqualTo(Topics.CASES);
        });
    }

    @Test
    void aPollWhoseEventsComeTwiceAddsEachStepOnce() {
        UUID caseId = UUID.randomUUID();
        String code = TestCodes.newCode();
        SynpunktSubmitted submitted = new SynpunktSubmitted(new SubmissionId(caseId), new TrackingCode(code),
                SynpunktKind.FORSLAG, "gata-och-trafik", "Fler cykelställ vid torget.", Channel.WEB, NOW, NOW, null,
                null, List.of(), null);
        bindings.pause(SUBMISSION_EVENTS);
        bindings.pause(CASE_EVENTS);
        try {
            for (int time = 0; time < 2; time++) {
                events.send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.SYNPUNKT_SUBMITTED, submitted);
                events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED, opened(caseId, "KS 2026/4103"));
            }
        } finally {
            bindings.resume(SUBMISSION_EVENTS);
            bindings.resume(CASE_EVENTS);
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(caseId)).isNotNull()
                .extracting(status -> status.history().stream().map(HistoryEntry::type).sorted().toList())
                .isEqualTo(List.of("mottagen", "registrerad")));
        assertThat(mongo.findById(TrackingCodeFormat.canonical(code).orElseThrow(), TrackingCodeEntry.class)).isNotNull()
                .extracting(TrackingCodeEntry::caseId).isEqualTo(caseId.toString());
    }

    private CaseStatus status(UUID caseId) {
        return mongo.findById(caseId.toString(), CaseStatus.class);
    }

    private List<ConsumerRecord<String, String>> deadLettersContaining(String marker) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letter -> {
                    if (letter.value().contains(marker)) {
                        found.add(letter);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found;
    }

    private static String text(ConsumerRecord<String, String> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static CaseOpened opened(UUID caseId, String diarienummer) {
        Instant openedAt = NOW.plusSeconds(5);
        return new CaseOpened(new CaseId(caseId), new SubmissionId(caseId), new Diarienummer(diarienummer),
                SynpunktKind.KLAGOMAL, "gata-och-trafik", Channel.WEB, "stadsmiljo", NOW, openedAt,
                CaseType.SYNPUNKT, null);
    }
}
