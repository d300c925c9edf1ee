package se.medborgardialog.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.medborgardialog.cases.Submissions.aSubmission;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/** The main flow against real Kafka and MongoDB images; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class CaseServiceContainersIntegrationTests {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("cases"));
        registry.add("management.health.mongodb.enabled", () -> "true");
    }

    @Autowired
    JsonMapper json;
    @Autowired
    CaseStore store;

    @Test
    void opensACaseFromASubmissionAndPublishesCaseOpened() throws Exception {
        SynpunktSubmitted submission = aSubmission().inCategory("bygglov").build();
        String caseId = submission.submissionId().toString();

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            var record = new ProducerRecord<>(Topics.SUBMISSIONS, caseId, json.writeValueAsBytes(submission));
            record.headers()
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", EventTypes.SOURCE_INTAKE.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", EventTypes.SYNPUNKT_SUBMITTED.getBytes(StandardCharsets.UTF_8))
                    .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", caseId.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Case aCase = store.find(new CaseId(submission.submissionId().value())).orElseThrow();
            assertThat(aCase.unit()).isEqualTo("bygg-och-miljo");
            assertThat(aCase.outbox()).isEmpty();
        });
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.CASES));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(record -> caseId.equals(record.key()));
            });
        }
    }
}
