package se.medborgardialog.reporting;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.medborgardialog.reporting.EventStream.answered;
import static se.medborgardialog.reporting.EventStream.klagomal;
import static se.medborgardialog.reporting.EventStream.met;
import static se.medborgardialog.reporting.EventStream.newCase;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.medborgardialog.contracts.CaseId;
import tools.jackson.databind.json.JsonMapper;

/** The main flow against real Apache Kafka and MongoDB images; skipped where there is no Docker. */
@SpringBootTest(properties = "management.health.mongodb.enabled=true")
@AutoConfigureMockMvc
@Testcontainers(disabledWithoutDocker = true)
class ReportingServiceContainersIntegrationTests {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("reporting"));
    }

    @Autowired
    JsonMapper json;
    @Autowired
    MockMvc mvc;

    @Test
    void aCaseAnsweredInTimeCountsOnItsReceiptDay() {
        CaseId caseId = newCase();
        Instant received = Instant.parse("2026-04-14T08:00:00Z");

        try (EventStream events = new EventStream(kafka.getBootstrapServers(), json)) {
            events.send(met(caseId, received, received.plusSeconds(600)));
            events.send(klagomal(caseId, "stadsmiljo", received));
            events.send(answered(caseId, received.plusSeconds(600)));
            events.send(klagomal(caseId, "stadsmiljo", received));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> mvc.perform(get("/api/v1/statistics/synpunkter")
                            .param("from", "2026-04-14").param("to", "2026-04-14")
                            .with(httpBasic("stina", "utveckling")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows[0].unit").value("stadsmiljo"))
                    .andExpect(jsonPath("$.totals.received").value(1))
                    .andExpect(jsonPath("$.totals.answered").value(1))
                    .andExpect(jsonPath("$.totals.answeredWithinDeadline").value(1))
                    .andExpect(jsonPath("$.totals.open").value(1)));
        }
    }
}
