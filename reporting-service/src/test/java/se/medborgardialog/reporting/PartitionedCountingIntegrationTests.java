package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The topics have three partitions, as in the local stack, and reporting reads each with a thread per partition:
 * many cases of one day (so every thread writes the same cells at once), each event sent twice, still count once each.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3, topics = {Topics.CASES, Topics.DEADLINES})
class PartitionedCountingIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CELL = "|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB";
    private static EventStream stream;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-partitions"));
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @AfterAll
    static void disconnect() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void aThreadPerPartitionCountsEveryCaseOnceThoughEveryEventCameTwice() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            // each binding's three consumers join their group on their own time
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(readersOf(admin, Topics.CASES)).isEqualTo(3);
                assertThat(readersOf(admin, Topics.DEADLINES)).isEqualTo(3);
            });
        }
        stream = new EventStream(broker.getBrokersAsString(), json);
        int cases = 45;
        Instant received = Instant.parse("2027-05-11T08:00:00Z");
        Instant answered = Instant.parse("2027-05-12T08:00:00Z");
        List<CaseId> ids = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            ids.add(EventStream.newCase());
        }
        for (int round = 0; round < 2; round++) {
            for (CaseId id : ids) {
                stream.send(EventStream.klagomal(id, "stadsmiljo", received.plusSeconds(ids.indexOf(id))));
                stream.send(EventStream.scheduled(id, received));
                stream.send(EventStream.answered(id, answered));
                stream.send(EventStream.met(id, received, answered));
            }
        }

        Generation active = new Generation(0);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counter(active.days(), "2027-05-11" + CELL, "received")).isEqualTo(cases);
            assertThat(counter(active.days(), "2027-05-12" + CELL, "answered")).isEqualTo(cases);
            assertThat(counter(active.days(), "2027-05-12" + CELL, "answeredWithinDeadline")).isEqualTo(cases);
        });
        assertThat(counter(active.months(), "2027-05" + CELL, "received")).isEqualTo(cases);
        assertThat(counter(active.months(), "2027-05" + CELL, "answered")).isEqualTo(cases);
        assertThat(mongo.getCollection(active.facts()).countDocuments(new Document("pending", new Document("$ne", null))))
                .isZero();
    }

    /** How many members of reporting's consumer group were assigned partitions of the topic. */
    private static long readersOf(Admin admin, String topic) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("reporting-service"))
                .describedGroups().get("reporting-service").get();
        return group.members().stream()
                .filter(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                .count();
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
