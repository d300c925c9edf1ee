package se.medborgardialog.cases.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.medborgardialog.cases.Submissions.aSubmission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.event.ConsumerPausedEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.cases.KafkaProbe;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submissions binding a poll at a time: plain openings of one poll are opened together, everything else in its
 * place, and a failing record is retried and dead-lettered alone. The binding is paused while a poll's records are
 * sent, so they arrive in one poll (one partition, one consumer thread).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        // nothing may be sent twice by the relay while the test counts events
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h"})
// no dead-letter topic here and none made on first use: the service provisions its own
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES},
        brokerProperties = "auto.create.topics.enable=false")
class BatchOpeningIntegrationTests {

    static final String SUBMISSIONS_DLT = "medborgardialog.submissions.v1.case-service.dlt";
    private static final String BINDING = "submissions-in-0";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant REPORTED = Instant.parse("2026-11-23T10:00:00Z");

    private static KafkaProbe kafka;

    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseStore store;
    @Autowired
    CaseOpening opening;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    ConfigurableApplicationContext context;

    private final AtomicBoolean paused = new AtomicBoolean();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-batch-opening"));
    }

    @BeforeAll
    static void producer(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new KafkaProbe(broker.getBrokersAsString());
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    @Test
    void opensAPollsNewCasesTogetherHandlesTheRestInItsPlaceAndDeadLettersEachFailureAlone() throws Exception {
        SynpunktSubmitted earlier = aSubmission().build();
        openAlone(earlier);
        SynpunktSubmitted first = aSubmission().build();
        FelanmalanSubmitted fault = aReport();
        SynpunktSubmitted complaint = complaintAbout(caseIdOf(earlier));
        String poisonKey = UUID.randomUUID().toString();
        SynpunktSubmitted orphanComplaint = complaintAbout(new CaseId(UUID.randomUUID()));
        SynpunktSubmitted last = aSubmission().inCategory("ovrigt").build();
        double processedBefore = count(EventTypes.SYNPUNKT_SUBMITTED, "processed");
        double duplicatesBefore = count(EventTypes.SYNPUNKT_SUBMITTED, "duplicate");
        double faultsBefore = count(EventTypes.FELANMALAN_SUBMITTED, "processed");

        inOnePoll(() -> {
            send(first);
            send(earlier); // seen before: opens nothing
            send(fault);
            send(complaint); // one by one, after the openings before it
            kafka.send(Topics.SUBMISSIONS, poisonKey, EventTypes.SYNPUNKT_SUBMITTED,
                    "{\"submissionId\": not json".getBytes(StandardCharsets.UTF_8));
            send(orphanComplaint); // about a case that does not exist: fails, alone
            send(last);
            send(first); // twice in one poll
        });

        awaitOpened(last);
        ConsumerRecord<String, byte[]> poison = kafka.awaitRecord(SUBMISSIONS_DLT, r -> poisonKey.equals(r.key()));
        assertThat(KafkaProbe.header(poison, "x-exception-message")).isNotBlank();
        assertThat(KafkaProbe.header(poison, "x-original-topic")).isEqualTo(Topics.SUBMISSIONS);
        ConsumerRecord<String, byte[]> orphan = kafka.awaitRecord(SUBMISSIONS_DLT,
                r -> orphanComplaint.submissionId().toString().equals(r.key()));
        assertThat(KafkaProbe.header(orphan, "x-exception-message")).contains("does not exist");
        assertThat(kafka.recordsFor(SUBMISSIONS_DLT, key -> Set.of(first, earlier, complaint, last).stream()
                .anyMatch(s -> s.submissionId().toString().equals(key)))).isEmpty();
        assertThat(kafka.recordsFor(SUBMISSIONS_DLT, fault.submissionId().toString())).isEmpty();

        // numbers in the poll's order, none taken by a duplicate or a failure
        long start = sequence(numberOf(first));
        assertThat(sequence(numberOf(fault))).isEqualTo(start + 1);
        assertThat(sequence(numberOf(complaint))).isEqualTo(start + 2);
        assertThat(sequence(numberOf(last))).isEqualTo(start + 3);
        assertThat(store.find(caseIdOf(complaint)).orElseThrow().concerns().caseId())
                .isEqualTo(caseIdOf(earlier).toString());
        assertThat(store.find(caseIdOf(orphanComplaint))).isEmpty();
        for (String caseId : List.of(first.submissionId().toString(), earlier.submissionId().toString())) {
            assertThat(KafkaProbe.ofType(kafka.recordsFor(Topics.CASES, caseId), EventTypes.CASE_OPENED))
                    .as("CaseOpened of %s", caseId).hasSize(1);
        }
        assertThat(count(EventTypes.SYNPUNKT_SUBMITTED, "processed") - processedBefore).isEqualTo(3);
        assertThat(count(EventTypes.SYNPUNKT_SUBMITTED, "duplicate") - duplicatesBefore).isEqualTo(2);
        assertThat(count(EventTypes.FELANMALAN_SUBMITTED, "processed") - faultsBefore).isEqualTo(1);
        assertThat(count(EventTypes.SYNPUNKT_SUBMITTED, "failed")).isPositive();
    }

    @Test
    void aRedeliveredPollOpensNothingTwiceAndTakesNoNumbers() throws Exception {
        List<SynpunktSubmitted> poll = List.of(aSubmission().build(), aSubmission().build(), aSubmission().build());
        FelanmalanSubmitted fault = aReport();
        inOnePoll(() -> {
            poll.forEach(this::send);
            send(fault);
        });
        awaitOpened(fault);
        Set<Diarienummer> numbers = new HashSet<>();
        poll.forEach(submission -> numbers.add(numberOf(submission)));
        numbers.add(numberOf(fault));
        double duplicatesBefore = count(EventTypes.SYNPUNKT_SUBMITTED, "duplicate");

        // the same records again, as after a crash before the offsets were committed
        SynpunktSubmitted next = aSubmission().build();
        inOnePoll(() -> {
            poll.forEach(this::send);
            send(fault);
            send(next);
        });
        awaitOpened(next);

        assertThat(sequence(numberOf(next))).isEqualTo(numbers.stream().mapToLong(n -> sequence(n)).max()
                .orElseThrow() + 1);
        Set<String> ids = new HashSet<>();
        poll.forEach(submission -> ids.add(submission.submissionId().toString()));
        ids.add(fault.submissionId().toString());
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(ids)), "cases")).isEqualTo(4);
        assertThat(KafkaProbe.ofType(kafka.recordsFor(Topics.CASES, ids::contains), EventTypes.CASE_OPENED))
                .hasSize(4);
        assertThat(count(EventTypes.SYNPUNKT_SUBMITTED, "duplicate") - duplicatesBefore).isEqualTo(3);
    }

    @Test
    void concurrentBatchesOfTheSameSubmissionsOpenEachOnceWithNumbersOfTheirOwn() throws Exception {
        List<SynpunktSubmitted> submissions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            submissions.add(aSubmission().build());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> batches = new ArrayList<>();
            for (int batch = 0; batch < 4; batch++) {
                // each batch all of them, from another start: they race for every case
                int offset = batch * 10;
                batches.add(() -> {
                    List<CaseOpening.PlainOpening> openings = new ArrayList<>();
                    for (int i = 0; i < submissions.size(); i++) {
                        openings.add(opening.plainOpening(submissions.get((i + offset) % submissions.size())));
                    }
                    return opening.openAll(openings);
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<List<String>> batch : threads.invokeAll(batches)) {
                outcomes.addAll(batch.get());
            }

            assertThat(outcomes.stream().filter("processed"::equals)).hasSize(40);
            assertThat(outcomes.stream().filter("duplicate"::equals)).hasSize(120);
        } finally {
            threads.shutdownNow();
        }
        Set<String> ids = submissions.stream().map(s -> s.submissionId().toString()).collect(Collectors.toSet());
        List<Case> opened = mongo.find(Query.query(Criteria.where("_id").in(ids)), Case.class);
        assertThat(opened).hasSize(40);
        assertThat(opened).extracting(Case::diarienummer).doesNotHaveDuplicates();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(KafkaProbe.ofType(
                kafka.recordsFor(Topics.CASES, ids::contains), EventTypes.CASE_OPENED)
                .stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids));
    }

    private interface Sends {
        void run() throws Exception;
    }

    /** Sends while the binding is paused, then resumes it: the records come in one poll. */
    private void inOnePoll(Sends sends) throws Exception {
        paused.set(false);
        ApplicationListener<ConsumerPausedEvent> onPause = event -> paused.set(true);
        context.addApplicationListener(onPause);
        try {
            bindings.pause(BINDING);
            await().atMost(PATIENCE).untilTrue(paused);
            sends.run();
        } finally {
            bindings.resume(BINDING);
            context.removeApplicationListener(onPause);
        }
    }

    private void openAlone(SynpunktSubmitted submission) throws Exception {
        send(submission);
        awaitOpened(submission);
    }

    private void awaitOpened(Object submission) {
        String caseId = submission instanceof SynpunktSubmitted synpunkt ? synpunkt.submissionId().toString()
                : ((FelanmalanSubmitted) submission).submissionId().toString();
        kafka.awaitRecord(Topics.CASES, r -> caseId.equals(r.key())
                && EventTypes.CASE_OPENED.equals(KafkaProbe.header(r, "ce_type")));
    }

    private void send(SynpunktSubmitted submission) {
        try {
            kafka.send(Topics.SUBMISSIONS, submission.submissionId().toString(), EventTypes.SYNPUNKT_SUBMITTED,
                    json.writeValueAsBytes(submission));
        } catch (Exception notSent) {
            throw new IllegalStateException(notSent);
        }
    }

    private void send(FelanmalanSubmitted report) throws Exception {
        kafka.send(Topics.SUBMISSIONS, report.submissionId().toString(), EventTypes.FELANMALAN_SUBMITTED,
                json.writeValueAsBytes(report));
    }

    private double count(String type, String outcome) {
        Timer timer = meters.find("medborgardialog.messages.processed").tags("type", type, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private Diarienummer numberOf(SynpunktSubmitted submission) {
        return store.find(caseIdOf(submission)).orElseThrow().diarienummer();
    }

    private Diarienummer numberOf(FelanmalanSubmitted report) {
        return store.find(new CaseId(report.submissionId().value())).orElseThrow().diarienummer();
    }

    private static CaseId caseIdOf(SynpunktSubmitted submission) {
        return new CaseId(submission.submissionId().value());
    }

    private static long sequence(Diarienummer number) {
        return Long.parseLong(number.value().substring(5));
    }

    private static SynpunktSubmitted complaintAbout(CaseId concerned) {
        UUID id = UUID.randomUUID();
        return new SynpunktSubmitted(new SubmissionId(id), new TrackingCode("MD-" + id.toString().substring(0, 8)),
                SynpunktKind.KLAGOMAL, "gata-och-trafik", "Ingen svarade.", Channel.WEB, REPORTED, REPORTED,
                new Contact("Greta Gatsten", "greta@example.se", null), null, List.of(), null, concerned);
    }

    private static FelanmalanSubmitted aReport() {
        UUID id = UUID.randomUUID();
        return new FelanmalanSubmitted(new SubmissionId(id), new TrackingCode("MD-" + id.toString().substring(0, 8)),
                "gatubelysning", "Lampan lyser inte.", new Location(64.75, 20.95, "Storgatan 5"),
                List.of(new AttachmentRef("foto-" + id, "lampa.jpg", "image/jpeg", 1234, "ab".repeat(32))),
                Channel.WEB, REPORTED, REPORTED, new Contact("Greta Gatsten", "greta@example.se", null), null,
                null);
    }
}
