package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.timer.OwnedClocks;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timer at work: sla-service instances as their own Spring contexts on one in-process broker (the cases topic
 * with four partitions) and one in-process store, sharing a clock the test moves. Clocks fire when the clock
 * passes their due time, each exactly once (counted by ce_id), split between two instances, taken over when one
 * stops, and recovered after a restart that lost the store's last writes.
 */
class SlaTimerIntegrationTests {

    private static final int PARTITIONS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Monday 23 November 2026, 10:00 in Stockholm: two working days are due at the end of Wednesday 25 November. */
    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    private static final Instant THURSDAY = ZonedDateTime.of(2026, 11, 26, 0, 0, 1, 0, SwedishCalendar.STOCKHOLM).toInstant();
    private static final Instant FRIDAY = THURSDAY.plus(Duration.ofDays(1));

    private static final MutableClock CLOCK = new MutableClock(MONDAY);
    private static EmbeddedKafkaKraftBroker broker;
    private static CaseTopic cases;
    private static KafkaConsumer<String, byte[]> deadlinesReader;
    private static final List<ConsumerRecord<String, byte[]>> published = new CopyOnWriteArrayList<>();

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private String database;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.CASES, Topics.DEADLINES,
                "medborgardialog.cases.v1.sla-service.dlt");
        broker.afterPropertiesSet();
        cases = new CaseTopic(broker.getBrokersAsString(), JsonMapper.builder().build());
        deadlinesReader = cases.reader(Topics.DEADLINES);
    }

    @AfterAll
    static void stopBroker() {
        cases.close();
        deadlinesReader.close();
        broker.destroy();
    }

    @BeforeEach
    void freshStore() {
        CLOCK.set(MONDAY);
        database = "sla-timer-" + UUID.randomUUID();
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void firesEveryClockOnEveryPartitionOnceWhenTheClockPassesItsDueTimeButNotAnAnsweredOne() {
        ConfigurableApplicationContext instance = start();
        awaitOwning(Map.of(instance, PARTITIONS));
        List<CaseId> open = openCases(12, MONDAY);
        CaseId answered = open.remove(0);
        cases.send(new CaseAnswered(answered, "stadsmiljo", MONDAY.plus(Duration.ofDays(1)), "anna"));
        await().atMost(PATIENCE).until(() -> eventsOf(answered, EventTypes.DEADLINE_MET).size() == 1);
        assertThat(partitionsOf(open)).hasSizeGreaterThan(1);

        CLOCK.set(THURSDAY);

        awaitBreachedOnce(open);
        assertThat(eventsOf(answered, EventTypes.DEADLINE_BREACHED)).isEmpty();
        assertThat(instance.getBean(MeterRegistry.class).get("medborgardialog.sla.fire.lag").timer().count())
                .isEqualTo(open.size());
    }

    @Test
    void twoInstancesShareTheClocksAndTheOneLeftFiresTheOthersAfterItStops() {
        // Neither folds what it fired into the store: the one left learns what the other fired from its firing records.
        ConfigurableApplicationContext first = startNotFolding();
        ConfigurableApplicationContext second = startNotFolding();
        awaitSharing(first, second);
        List<CaseId> dueWednesday = openCases(20, MONDAY);
        List<CaseId> dueThursday = openCases(20, MONDAY.plus(Duration.ofDays(1)));

        CLOCK.set(THURSDAY);
        awaitBreachedOnce(dueWednesday);
        assertThat(breachedBy(first)).isPositive();
        assertThat(breachedBy(second)).isPositive();

        second.close();
        awaitOwning(Map.of(first, PARTITIONS));
        CLOCK.set(FRIDAY);

        awaitBreachedOnce(dueThursday);
        assertThat(eventsOf(Set.copyOf(dueWednesday), EventTypes.DEADLINE_BREACHED)).hasSize(dueWednesday.size());
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            assertThat(client.getDatabase(database).getCollection("deadline_firings")
                    .countDocuments(Filters.eq("kind", "BREACHED"))).isEqualTo(dueWednesday.size() + dueThursday.size());
        }
    }

    @Test
    void aRestartAfterTheStoreLostItsLastWritesReplaysThemAndFiresEveryOverdueClockOnce() {
        ConfigurableApplicationContext instance = start();
        awaitOwning(Map.of(instance, PARTITIONS));
        List<CaseId> kept = openCases(8, MONDAY);
        CaseId answeredInTime = kept.get(0);
        Map<String, Document> before;
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            before = snapshot(client.getDatabase(database));
        }
        cases.send(new CaseAnswered(answeredInTime, "stadsmiljo", MONDAY.plus(Duration.ofDays(1)), "anna"));
        await().atMost(PATIENCE).until(() -> eventsOf(answeredInTime, EventTypes.DEADLINE_MET).size() == 1);
        List<CaseId> lost = openCases(4, MONDAY);
        instance.close();
        instances.clear();

        // A hard kill of the embedded store loses its last second of writes: here, the answer, the four newest clocks
        // and the checkpoints that covered them.
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            restore(client.getDatabase(database), before);
            assertThat(client.getDatabase(database).getCollection("deadlines").countDocuments()).isEqualTo(kept.size());
        }
        CLOCK.set(THURSDAY);
        ConfigurableApplicationContext restarted = start();

        List<CaseId> overdue = new ArrayList<>(kept.subList(1, kept.size()));
        overdue.addAll(lost);
        awaitBreachedOnce(overdue);
        assertThat(eventsOf(answeredInTime, EventTypes.DEADLINE_BREACHED)).isEmpty();
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            var deadlines = client.getDatabase(database).getCollection("deadlines");
            List<String> ours = new ArrayList<>(kept.stream().map(CaseId::toString).toList());
            lost.forEach(caseId -> ours.add(caseId.toString()));
            assertThat(deadlines.countDocuments(Filters.in("caseId", ours))).isEqualTo(ours.size());
            assertThat(deadlines.find(Filters.eq("caseId", answeredInTime.toString())).first().getString("status")).isEqualTo("MET");
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(deadlines.countDocuments(Filters.eq("status", "BREACHED"))).isEqualTo(overdue.size()));
        }
        assertThat(restarted.isActive()).isTrue();
    }

    @Test
    void aFiredBreachIsPublishedOnceAndRecordedAndARestartFoldsTheRecordWithoutFiringAgain() {
        ConfigurableApplicationContext instance = startNotFolding();
        awaitOwning(Map.of(instance, PARTITIONS));
        List<CaseId> open = openCases(6, MONDAY);

        CLOCK.set(THURSDAY);
        awaitBreachedOnce(open);
        Map<String, ConsumerRecord<String, byte[]>> breachById = eventsOf(Set.copyOf(open), EventTypes.DEADLINE_BREACHED)
                .stream().collect(Collectors.toMap(r -> CaseTopic.header(r, "ce_id"), r -> r));
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            MongoDatabase db = client.getDatabase(database);
            // The default first-answer guarantee also warns before the due time: those records are there too.
            List<Document> records = db.getCollection("deadline_firings").find(Filters.eq("kind", "BREACHED"))
                    .into(new ArrayList<>());
            assertThat(records).extracting(r -> r.getString("_id")).containsExactlyInAnyOrderElementsOf(breachById.keySet());
            records.forEach(record -> {
                assertThat(record.getString("kind")).isEqualTo("BREACHED");
                assertThat(record.getDate("firedAt").toInstant())
                        .isEqualTo(detectedAt(breachById.get(record.getString("_id"))));
            });
            assertThat(db.getCollection("deadlines").countDocuments(Filters.and(Filters.eq("status", "RUNNING"),
                    Filters.in("caseId", open.stream().map(CaseId::toString).toList())))).isEqualTo(open.size());
        }
        instance.close();
        instances.clear();

        ConfigurableApplicationContext restarted = start();
        awaitOwning(Map.of(restarted, PARTITIONS));
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            MongoDatabase db = client.getDatabase(database);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(db.getCollection("deadline_firings").countDocuments()).isZero();
                List<Document> breached = db.getCollection("deadlines").find(Filters.and(Filters.eq("status", "BREACHED"),
                        Filters.in("caseId", open.stream().map(CaseId::toString).toList()))).into(new ArrayList<>());
                assertThat(breached).hasSize(open.size());
                breached.forEach(d -> assertThat(d.getList("pendingEvents", Document.class)).isEmpty());
                breached.forEach(d -> assertThat(d.getDate("breachedAt").toInstant())
                        .isEqualTo(detectedAt(breachById.get(breachIdOf(d)))));
            });
        }
        openCases(1, CLOCK.instant());
        assertThat(eventsOf(Set.copyOf(open), EventTypes.DEADLINE_BREACHED)).hasSize(open.size());
    }

    @Test
    void aLateAnswerAfterAFiredButUnfoldedBreachIsAnsweredLateWithoutASecondBreach() {
        ConfigurableApplicationContext instance = startNotFolding();
        awaitOwning(Map.of(instance, PARTITIONS));
        CaseId late = openCases(1, MONDAY).get(0);

        CLOCK.set(THURSDAY);
        awaitBreachedOnce(List.of(late));
        cases.send(new CaseAnswered(late, "stadsmiljo", THURSDAY.plus(Duration.ofHours(2)), "anna"));

        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            var deadlines = client.getDatabase(database).getCollection("deadlines");
            await().atMost(PATIENCE).until(() -> "BREACHED_ANSWERED_LATE".equals(
                    deadlines.find(Filters.eq("caseId", late.toString())).first().getString("status")));
            Document stored = deadlines.find(Filters.eq("caseId", late.toString())).first();
            assertThat(stored.getDate("breachedAt").toInstant())
                    .isEqualTo(detectedAt(eventsOf(late, EventTypes.DEADLINE_BREACHED).get(0)));
            assertThat(client.getDatabase(database).getCollection("deadline_firings").countDocuments()).isZero();
        }
        openCases(1, CLOCK.instant());
        assertThat(eventsOf(late, EventTypes.DEADLINE_BREACHED)).hasSize(1);
        assertThat(eventsOf(late, EventTypes.DEADLINE_MET)).isEmpty();
    }

    @Test
    void aRestartThatLostTheFiringRecordsFiresTheSameBreachIdsAgainAndOnlyThose() {
        ConfigurableApplicationContext instance = startNotFolding();
        awaitOwning(Map.of(instance, PARTITIONS));
        List<CaseId> open = openCases(5, MONDAY);
        Map<String, Document> before;
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            before = snapshot(client.getDatabase(database));
        }
        CLOCK.set(THURSDAY);
        awaitBreachedOnce(open);
        Set<String> firstIds = eventsOf(Set.copyOf(open), EventTypes.DEADLINE_BREACHED).stream()
                .map(r -> CaseTopic.header(r, "ce_id")).collect(Collectors.toSet());
        instance.close();
        instances.clear();

        // The store's last second lost: the firing records and everything after the snapshot.
        try (MongoClient client = MongoClients.create(InProcessMongo.uri(database))) {
            restore(client.getDatabase(database), before);
            assertThat(client.getDatabase(database).getCollection("deadline_firings").countDocuments()).isZero();
        }
        start();

        await().atMost(PATIENCE).until(() -> eventsOf(Set.copyOf(open), EventTypes.DEADLINE_BREACHED).size() == 2 * open.size());
        openCases(1, CLOCK.instant());
        Map<String, Long> perEventId = eventsOf(Set.copyOf(open), EventTypes.DEADLINE_BREACHED).stream()
                .collect(Collectors.groupingBy(r -> CaseTopic.header(r, "ce_id"), Collectors.counting()));
        assertThat(perEventId.keySet()).isEqualTo(firstIds);
        assertThat(perEventId.values()).containsOnly(2L);
    }

    private static Instant detectedAt(ConsumerRecord<String, byte[]> breach) {
        return Instant.parse(JsonMapper.builder().build().readTree(breach.value()).get("detectedAt").asString());
    }

    private static String breachIdOf(Document deadline) {
        return se.medborgardialog.sla.deadline.Deadline.eventId(deadline.getString("caseId"), deadline.getString("clock"),
                se.medborgardialog.sla.deadline.PendingEvent.Kind.BREACHED);
    }

    /** An instance that folds what it fired only when a case event changes the clock (never in the background). */
    private ConfigurableApplicationContext startNotFolding() {
        return start("--sla.timer.fold=PT1H");
    }

    private ConfigurableApplicationContext start(String... extra) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlaApplication.class)
                .initializers(ctx -> {
                    GenericApplicationContext generic = (GenericApplicationContext) ctx;
                    generic.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded());
                    generic.registerBean("testClock", MutableClock.class, () -> CLOCK, bd -> bd.setPrimary(true));
                })
                .run(java.util.stream.Stream.concat(Stream.of("--server.port=0",
                        "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + InProcessMongo.uri(database),
                        "--sla.relay.interval=PT0.5S"), Stream.of(extra)).toArray(String[]::new));
        instances.add(context);
        return context;
    }

    /** Component scanning would find the other tests' configurations; a Spring Boot test leaves them out, so does this. */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || reader.getClassMetadata().getClassName().contains("Tests");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }

    /**
     * Both own some of the partitions, none twice, all between them: each instance has a consumer thread per
     * partition of its own (concurrency 3), so how many each gets depends on the group's assignment.
     */
    private static void awaitSharing(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Set<Integer> ofFirst = first.getBean(OwnedClocks.class).owned();
            Set<Integer> ofSecond = second.getBean(OwnedClocks.class).owned();
            assertThat(ofSecond).isNotEmpty();
            assertThat(ofFirst).isNotEmpty().doesNotContainAnyElementsOf(ofSecond);
            assertThat(ofFirst.size() + ofSecond.size()).isEqualTo(PARTITIONS);
        });
    }

    private static void awaitOwning(Map<ConfigurableApplicationContext, Integer> partitionsByInstance) {
        await().atMost(PATIENCE).untilAsserted(() -> partitionsByInstance.forEach((instance, count) ->
                assertThat(instance.getBean(OwnedClocks.class).owned()).hasSize(count)));
    }

    private List<CaseId> openCases(int count, Instant receivedAt) {
        List<CaseId> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseId caseId = new CaseId(UUID.randomUUID());
            cases.send(CaseTopic.opened(caseId, "stadsmiljo", receivedAt));
            opened.add(caseId);
        }
        await().atMost(PATIENCE).until(() -> eventsOf(Set.copyOf(opened), EventTypes.DEADLINE_SCHEDULED).stream()
                .map(ConsumerRecord::key).distinct().count() == count);
        return opened;
    }

    /** Every clock breached, each by exactly one record: no clock missed, none fired twice. */
    private void awaitBreachedOnce(List<CaseId> clocks) {
        Set<String> keys = clocks.stream().map(CaseId::toString).collect(Collectors.toSet());
        await().atMost(PATIENCE).until(() -> eventsOf(Set.copyOf(clocks), EventTypes.DEADLINE_BREACHED).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet()).equals(keys));
        // Whatever else the instances had to publish is out once a later clock's scheduling is.
        openCases(1, CLOCK.instant());
        Map<String, Long> perEventId = eventsOf(Set.copyOf(clocks), EventTypes.DEADLINE_BREACHED).stream()
                .collect(Collectors.groupingBy(r -> CaseTopic.header(r, "ce_id"), Collectors.counting()));
        assertThat(perEventId).hasSize(clocks.size());
        assertThat(perEventId.values()).containsOnly(1L);
    }

    private static double breachedBy(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("medborgardialog.deadlines.breached").counter().count();
    }

    private static Set<Integer> partitionsOf(List<CaseId> caseIds) {
        return published.stream().filter(r -> caseIds.stream().anyMatch(c -> c.toString().equals(r.key())))
                .map(ConsumerRecord::partition).collect(Collectors.toSet());
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(CaseId caseId, String type) {
        return eventsOf(Set.of(caseId), type);
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(Set<CaseId> caseIds, String type) {
        published.addAll(CaseTopic.poll(deadlinesReader));
        Set<String> keys = caseIds.stream().map(CaseId::toString).collect(Collectors.toSet());
        return published.stream().filter(r -> keys.contains(r.key()) && type.equals(CaseTopic.header(r, "ce_type"))).toList();
    }

    private static final List<String> COLLECTIONS = List.of("deadlines", "deadline_cases", "case_checkpoints",
            "deadline_firings", "clock_index");

    private static Map<String, Document> snapshot(MongoDatabase db) {
        Map<String, Document> snapshot = new java.util.HashMap<>();
        for (String collection : COLLECTIONS) {
            db.getCollection(collection).find().forEach(d -> snapshot.put(collection + "/" + d.get("_id"), d));
        }
        return snapshot;
    }

    /** Back to the snapshot: later documents gone, changed ones as they were. */
    private static void restore(MongoDatabase db, Map<String, Document> snapshot) {
        for (String collection : COLLECTIONS) {
            Set<Object> ids = new HashSet<>();
            db.getCollection(collection).find().forEach(d -> ids.add(d.get("_id")));
            for (Object id : ids) {
                Document was = snapshot.get(collection + "/" + id);
                if (was == null) {
                    db.getCollection(collection).deleteOne(Filters.eq("_id", id));
                } else {
                    db.getCollection(collection).replaceOne(Filters.eq("_id", id), was);
                }
            }
        }
    }
}
