package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.deadline.DeadlineStore;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The municipality closes a day after clocks were counted: restarted with the new {@code sla.calendar.closed-days},
 * sla-service counts the open clocks again and publishes {@code DeadlineRescheduled} with the reason (issue 5, the
 * calendar). Two runs of the service on one broker and one store, as an operator's restart would be.
 */
class CalendarChangeIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static EmbeddedKafkaKraftBroker broker;
    private static CaseTopic cases;
    private static KafkaConsumer<String, byte[]> deadlines;
    private static final List<ConsumerRecord<String, byte[]>> published = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(SlaIntegrationTestSupport.MONDAY);
        }
    }

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.CASES, Topics.DEADLINES, SlaIntegrationTestSupport.DLT);
        broker.afterPropertiesSet();
        cases = new CaseTopic(broker.getBrokersAsString(), JSON);
        deadlines = cases.reader(Topics.DEADLINES);
    }

    @AfterAll
    static void stopBroker() {
        deadlines.close();
        cases.close();
        broker.destroy();
    }

    private static ConfigurableApplicationContext start(String database, Map<String, Object> calendar) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.cloud.stream.kafka.binder.brokers", broker.getBrokersAsString(),
                "spring.mongodb.uri", InProcessMongo.uri(database),
                "server.port", "0",
                "sla.relay.interval", "PT0.5S"));
        properties.putAll(calendar);
        // As arguments: they outrank application.yml (the builder's properties would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SlaApplication.class, MovableTime.class).run(arguments);
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(CaseId caseId, String type) {
        published.addAll(CaseTopic.poll(deadlines));
        return published.stream()
                .filter(r -> caseId.toString().equals(r.key()) && type.equals(CaseTopic.header(r, "ce_type")))
                .toList();
    }

    @Test
    void aDayClosedAfterAClockWasCountedMovesItsDueDateOnceWithTheReason() {
        String database = "sla-calendar-" + UUID.randomUUID().toString().substring(0, 8);
        CaseId caseId = new CaseId(UUID.randomUUID());
        try (ConfigurableApplicationContext byRule = start(database, Map.of())) {
            cases.send(CaseTopic.opened(caseId, "stadsmiljo", SlaIntegrationTestSupport.MONDAY));
            var scheduled = await().atMost(PATIENCE).until(() -> eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED),
                    list -> list.size() == 1);
            assertThat(JSON.readValue(scheduled.get(0).value(), DeadlineScheduled.class).dueDate())
                    .isEqualTo(LocalDate.of(2026, 11, 25));
        }

        Map<String, Object> tuesdayClosed = Map.of(
                "sla.calendar.closed-days[0].date", "2026-11-24",
                "sla.calendar.closed-days[0].name", "Kommunens stängningsdag");
        try (ConfigurableApplicationContext closed = start(database, tuesdayClosed)) {
            var rescheduled = await().atMost(PATIENCE).until(() -> eventsOf(caseId, EventTypes.DEADLINE_RESCHEDULED),
                    list -> list.size() == 1);
            DeadlineRescheduled event = JSON.readValue(rescheduled.get(0).value(), DeadlineRescheduled.class);
            assertThat(event.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(event.clock()).isEqualTo("first-answer");
            assertThat(event.reason()).isEqualTo(
                    "Kommunens kalender ändrades: 2026-11-24 (Kommunens stängningsdag) är nu stängd");
            assertThat(event.guarantee()).isNotNull();
            DeadlineStore store = closed.getBean(DeadlineStore.class);
            assertThat(store.findByCase(caseId.toString())).singleElement()
                    .satisfies(d -> assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26)));
        }

        // Started again on the same calendar: nothing moves twice. A case opened now is the barrier after which
        // everything the restart published has been read (one partition).
        CaseId barrier = new CaseId(UUID.randomUUID());
        try (ConfigurableApplicationContext again = start(database, tuesdayClosed)) {
            cases.send(CaseTopic.opened(barrier, "stadsmiljo", SlaIntegrationTestSupport.MONDAY));
            await().atMost(PATIENCE).until(() -> eventsOf(barrier, EventTypes.DEADLINE_SCHEDULED), list -> list.size() == 1);
            assertThat(eventsOf(caseId, EventTypes.DEADLINE_RESCHEDULED)).hasSize(1);
        }
    }
}
