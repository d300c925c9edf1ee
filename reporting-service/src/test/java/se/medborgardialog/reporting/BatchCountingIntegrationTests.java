package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.event.ConsumerPausedEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.CaseFacts;
import se.medborgardialog.reporting.facts.FactEvents;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event bindings a poll at a time: a poll's changes are applied together, a failing record is retried and
 * dead-lettered alone, a poll seen again counts nothing, and polls applied at once on several threads to the same
 * facts and cells count each event once. The binding is paused while a poll's records are sent, so they arrive in one
 * poll (one partition, one consumer thread).
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
// no dead-letter topic here and none made on first use: the service provisions its own
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS},
        brokerProperties = "auto.create.topics.enable=false")
class BatchCountingIntegrationTests {

    private static final String CASES_DLT = "medborgardialog.cases.v1.reporting-service.dlt";
    private static final String BINDING = "caseEvents-in-0";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CELL = "|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB";
    private static final Generation ACTIVE = new Generation(0);

    private static EventStream stream;
    private static KafkaConsumer<String, byte[]> deadLetters;

    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseFacts facts;
    @Autowired
    FactEvents events;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    ConfigurableApplicationContext context;

    private final AtomicBoolean paused = new AtomicBoolean();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-batch"));
    }

    @BeforeAll
    static void connect(@Autowired EmbeddedKafkaBroker broker, @Autowired JsonMapper json) {
        stream = new EventStream(broker.getBrokersAsString(), json);
        deadLetters = stream.reader(CASES_DLT);
    }

    @AfterAll
    static void disconnect() {
        stream.close();
        deadLetters.close();
    }

    @Test
    void aPollOfNewDuplicateOutOfOrderAndPoisonRecordsCountsEachOnceAndDeadLettersThePoisonAlone() throws Exception {
        String day = "2027-03-09";
        Instant received = Instant.parse(day + "T08:00:00Z");
        Instant answered = Instant.parse("2027-03-10T09:00:00Z");
        CaseId first = EventStream.newCase();
        CaseId early = EventStream.newCase();
        CaseId unreadable = EventStream.newCase();
        CaseId incomplete = EventStream.newCase();
        CaseId last = EventStream.newCase();
        double failedBefore = timed(EventTypes.CASE_OPENED, "failed");

        inOnePoll(() -> {
            stream.send(EventStream.klagomal(first, "stadsmiljo", received));
            stream.send(EventStream.answered(early, answered)); // before its case: counted once the case is known
            stream.send(Topics.CASES, unreadable, EventTypes.CASE_OPENED,
                    "{\"caseId\": not json".getBytes(StandardCharsets.UTF_8));
            stream.send(EventStream.klagomal(early, "stadsmiljo", received.plusSeconds(60)));
            stream.send(EventStream.klagomal(first, "stadsmiljo", received)); // twice in one poll
            stream.send(Topics.CASES, incomplete, EventTypes.CASE_OPENED, ("{\"caseId\": \"" + incomplete.value()
                    + "\"}").getBytes(StandardCharsets.UTF_8)); // lacks receivedAt
            stream.send(EventStream.closed(first, answered));
            stream.send(EventStream.klagomal(last, "stadsmiljo", received.plusSeconds(120)));
        });

        List<ConsumerRecord<String, byte[]>> deadLettered = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            deadLettered.addAll(EventStream.poll(deadLetters));
            assertThat(deadLettered).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(unreadable.toString(), incomplete.toString());
            assertThat(counter(ACTIVE.days(), day + CELL, "received")).isEqualTo(3);
        });
        assertThat(deadLettered).allSatisfy(record -> {
            assertThat(EventStream.header(record, "x-original-topic")).isEqualTo(Topics.CASES);
            assertThat(EventStream.header(record, "x-exception-message")).isNotBlank();
        });
        assertThat(EventStream.header(deadLettered.stream()
                .filter(r -> r.key().equals(incomplete.toString())).findFirst().orElseThrow(), "x-exception-message"))
                .contains("receivedAt");
        assertThat(counter(ACTIVE.days(), "2027-03-10" + CELL, "answered")).isEqualTo(1);
        assertThat(counter(ACTIVE.days(), "2027-03-10" + CELL, "closed")).isEqualTo(1);
        assertThat(counter(ACTIVE.months(), "2027-03" + CELL, "received")).isEqualTo(3);
        assertThat(facts.find(unreadable)).isEmpty();
        assertThat(facts.find(incomplete)).isEmpty();
        assertThat(facts.find(early)).hasValueSatisfying(fact -> assertThat(fact.answeredAt()).isEqualTo(answered));
        assertThat(timed(EventTypes.CASE_OPENED, "failed")).isGreaterThan(failedBefore);
        assertNothingPending();

        // the same poll again, as after a crash before its offsets were committed: nothing counts twice
        inOnePoll(() -> {
            stream.send(EventStream.klagomal(first, "stadsmiljo", received));
            stream.send(EventStream.answered(early, answered));
            stream.send(EventStream.klagomal(early, "stadsmiljo", received.plusSeconds(60)));
            stream.send(EventStream.closed(first, answered));
            stream.send(EventStream.klagomal(last, "stadsmiljo", received.plusSeconds(120)));
        });
        CaseId marker = EventStream.newCase();
        stream.send(EventStream.klagomal(marker, "stadsmiljo", received.plusSeconds(180)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(facts.find(marker)).isPresent());
        assertThat(counter(ACTIVE.days(), day + CELL, "received")).isEqualTo(4);
        assertThat(counter(ACTIVE.days(), "2027-03-10" + CELL, "answered")).isEqualTo(1);
        assertThat(counter(ACTIVE.days(), "2027-03-10" + CELL, "closed")).isEqualTo(1);
        assertThat(EventStream.poll(deadLetters)).isEmpty();
    }

    /**
     * Four writers apply polls at once, as the three partitions' threads of the cases and the deadlines bindings do:
     * every case's events are spread over the writers, each event in two polls, all on the same day's cells.
     */
    @Test
    void pollsAppliedAtOnceToTheSameFactsAndCellsCountEveryEventOnce() throws Exception {
        String day = "2027-06-15";
        Instant received = Instant.parse(day + "T07:00:00Z");
        Instant answered = Instant.parse("2027-06-16T07:00:00Z");
        int cases = 60;
        List<FactEvents.Change> all = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            CaseId id = EventStream.newCase();
            all.add(change(EventTypes.CASE_OPENED, EventStream.klagomal(id, "stadsmiljo", received.plusSeconds(i))));
            all.add(change(EventTypes.DEADLINE_SCHEDULED, EventStream.scheduled(id, received)));
            all.add(change(EventTypes.CASE_ANSWERED, EventStream.answered(id, answered)));
            all.add(change(EventTypes.DEADLINE_MET, EventStream.met(id, received, answered)));
        }
        int writers = 4;
        List<List<FactEvents.Change>> polls = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            List<FactEvents.Change> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(round));
            for (int w = 0; w < writers; w++) {
                polls.add(shuffled.subList(w * shuffled.size() / writers, (w + 1) * shuffled.size() / writers));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<CaseFacts.Applied>> tasks = new ArrayList<>();
            polls.forEach(poll -> tasks.add(() -> facts.applyAll(poll)));
            for (Future<CaseFacts.Applied> applied : pool.invokeAll(tasks)) {
                assertThat(applied.get().failure()).isNull();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(counter(ACTIVE.days(), day + CELL, "received")).isEqualTo(cases);
        assertThat(counter(ACTIVE.days(), "2027-06-16" + CELL, "answered")).isEqualTo(cases);
        assertThat(counter(ACTIVE.days(), "2027-06-16" + CELL, "answeredWithinDeadline")).isEqualTo(cases);
        assertThat(counter(ACTIVE.months(), "2027-06" + CELL, "received")).isEqualTo(cases);
        assertThat(counter(ACTIVE.months(), "2027-06" + CELL, "answered")).isEqualTo(cases);
        assertNothingPending();
        Document cell = mongo.getCollection(ACTIVE.days()).find(new Document("_id", day + CELL)).first();
        Document tokens = cell.get("tokens", Document.class);
        assertThat(tokens == null ? List.of() : tokens.keySet()).isEmpty();
    }

    /** A change whose transition throws stops the poll there: the changes before it are applied, none after it. */
    @Test
    void aPollIsAppliedUpToTheChangeThatFails() {
        Instant received = Instant.parse("2027-08-02T07:00:00Z");
        CaseId before = EventStream.newCase();
        CaseId failing = EventStream.newCase();
        CaseId after = EventStream.newCase();
        List<FactEvents.Change> poll = List.of(
                change(EventTypes.CASE_OPENED, EventStream.klagomal(before, "stadsmiljo", received)),
                new FactEvents.Change(failing.toString(), fact -> {
                    throw new IllegalArgumentException("cannot apply");
                }),
                change(EventTypes.CASE_OPENED, EventStream.klagomal(after, "stadsmiljo", received)));

        CaseFacts.Applied applied = facts.applyAll(poll);

        assertThat(applied.applied()).isEqualTo(1);
        assertThat(applied.failure()).hasMessage("cannot apply");
        assertThat(facts.find(before)).isPresent();
        assertThat(facts.find(failing)).isEmpty();
        assertThat(facts.find(after)).isEmpty();
        assertThat(counter(ACTIVE.days(), "2027-08-02" + CELL, "received")).isEqualTo(1);
    }

    private FactEvents.Change change(String type, Object event) {
        return events.read(type, json.writeValueAsBytes(event)).orElseThrow();
    }

    private void assertNothingPending() {
        assertThat(mongo.getCollection(ACTIVE.facts()).countDocuments(new Document("pending", new Document("$ne", null))))
                .isZero();
    }

    private interface Sends {
        void run() throws Exception;
    }

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

    private double timed(String type, String outcome) {
        Timer timer = meters.find("medborgardialog.messages.processed").tag("type", type).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private long counter(String collection, String cellId, String counter) {
        Document cell = mongo.getCollection(collection).find(new Document("_id", cellId)).first();
        if (cell == null) {
            return 0;
        }
        Number value = (Number) cell.get(StatisticCells.COUNTERS, Document.class).get(counter);
        return value == null ? 0 : value.longValue();
    }
}
