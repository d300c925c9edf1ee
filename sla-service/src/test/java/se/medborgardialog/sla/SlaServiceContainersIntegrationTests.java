package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/** The main flow against real Apache Kafka and MongoDB images; skipped where there is no Docker. */
@SpringBootTest(properties = "management.health.mongodb.enabled=true")
@Testcontainers(disabledWithoutDocker = true)
class SlaServiceContainersIntegrationTests {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("sla"));
    }

    @Autowired
    JsonMapper json;

    @Test
    void aCaseOpenedAndAnsweredTheSameDayMeetsItsFirstAnswerDeadline() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

        try (CaseTopic cases = new CaseTopic(kafka.getBootstrapServers(), json);
             KafkaConsumer<String, byte[]> deadlines = cases.reader(Topics.DEADLINES)) {
            cases.send(CaseTopic.opened(caseId, "stadsmiljo", now));
            cases.send(new CaseAnswered(caseId, "stadsmiljo", now.plusSeconds(1), "anna"));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                seen.addAll(CaseTopic.poll(deadlines));
                assertThat(seen).filteredOn(r -> caseId.toString().equals(r.key()))
                        .extracting(r -> CaseTopic.header(r, "ce_type"))
                        .containsExactly(EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_MET);
            });
        }
        ConsumerRecord<String, byte[]> met = seen.stream()
                .filter(r -> EventTypes.DEADLINE_MET.equals(CaseTopic.header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(json.readValue(met.value(), DeadlineMet.class).answeredAt()).isEqualTo(now.plusSeconds(1));
    }
}
