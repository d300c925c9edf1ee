package se.medborgardialog.sla;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.deadline.DeadlineScanner;
import se.medborgardialog.sla.deadline.DeadlineStore;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * sla-service on a real in-process broker (spring-kafka 4 embeds Kafka in KRaft mode only, hence no
 * {@code kraft} attribute) and the in-process MongoDB wire-protocol store, with a clock the tests move. The
 * integration test classes share this one context; each test uses cases of its own.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "sla.scan-interval=PT1H",
        "sla.relay.interval=PT0.5S",
        "sla.relay.sweep=PT1S"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES, SlaIntegrationTestSupport.DLT})
@Import(SlaIntegrationTestSupport.MovableTime.class)
abstract class SlaIntegrationTestSupport {

    static final String DLT = "medborgardialog.cases.v1.sla-service.dlt";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Monday 23 November 2026, 10:00 in Stockholm: first answer due end of Wednesday 25 November. */
    static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();

    private static final List<ConsumerRecord<String, byte[]>> published = new CopyOnWriteArrayList<>();
    static CaseTopic cases;
    private static KafkaConsumer<String, byte[]> deadlinesReader;

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("sla-integration"));
    }

    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DeadlineScanner scanner;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    DeadlineStore store;

    @BeforeEach
    void connect() {
        clock.set(MONDAY);
        if (cases == null) {
            cases = new CaseTopic(broker.getBrokersAsString(), json);
            deadlinesReader = cases.reader(Topics.DEADLINES);
        }
    }

    @AfterAll
    static void disconnect() {
        if (cases != null) {
            cases.close();
            deadlinesReader.close();
            cases = null;
            published.clear();
        }
    }

    static CaseId newCase() {
        return new CaseId(UUID.randomUUID());
    }

    ConsumerRecord<String, byte[]> awaitOne(CaseId caseId, String type) {
        return await().atMost(PATIENCE).until(() -> eventsOf(caseId, type), list -> list.size() == 1).get(0);
    }

    /**
     * Everything sla-service published before this call is read once the scheduling of a case opened after it is:
     * both topics have one partition. The barrier case is received now, so it is not breached at once.
     */
    void awaitBarrier() {
        CaseId barrier = newCase();
        cases.send(CaseTopic.opened(barrier, "medborgarservice", clock.instant()));
        awaitOne(barrier, EventTypes.DEADLINE_SCHEDULED);
    }

    static List<ConsumerRecord<String, byte[]>> eventsOf(CaseId caseId, String type) {
        published.addAll(CaseTopic.poll(deadlinesReader));
        return published.stream()
                .filter(r -> caseId.toString().equals(r.key()) && type.equals(CaseTopic.header(r, "ce_type")))
                .toList();
    }
}
