package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.testing.SubmissionsTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/** The main flow against real Kafka and MongoDB images; skipped where there is no Docker. */
@SpringBootTest
@AutoConfigureMockMvc
@Testcontainers(disabledWithoutDocker = true)
class SubmissionContainersIntegrationTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("intake"));
        registry.add("management.health.mongodb.enabled", () -> "true");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper jsonMapper;

    @Test
    void publishesASubmissionOnceEvenWhenTheRequestIsRetried() throws Exception {
        String key = "containers-" + UUID.randomUUID();
        String first = submit(key);
        String second = submit(key);

        assertThat(second).isEqualTo(first);
        String submissionId = jsonMapper.readTree(first).get("submissionId").asString();
        var records = new SubmissionsTopic(KAFKA.getBootstrapServers()).recordsWithKey(submissionId);
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.SYNPUNKT_SUBMITTED);
    }

    private String submit(String idempotencyKey) throws Exception {
        return mvc.perform(post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", idempotencyKey)
                        .content(SubmissionJson.complaint().json().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
