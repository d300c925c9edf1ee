package se.medborgardialog.intake.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The intake service against a real in-process KRaft broker and the in-process MongoDB store, at a fixed "now".
 * Every integration test class of every feature extends this and declares no configuration of its own, so
 * Spring starts the context (and the broker) once and reuses it from its cache. Need a bean replaced? Think twice:
 * a different configuration costs a second context and broker.
 */
@SpringBootTest(properties = {"spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "intake.cors.allowed-origins=" + IntakeIntegrationTestContext.APP_ORIGIN,
        // MockMvc's requests come from 127.0.0.1; the rate-limit tests use addresses of their own.
        "intake.rate-limit.unlimited-addresses=127.0.0.1"})
@AutoConfigureMockMvc
@Import(RecordedEvents.class)
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
public abstract class IntakeIntegrationTestContext extends BrokerClients {

    /** The one app origin allowed to call the API cross-origin (intake.cors.allowed-origins). */
    public static final String APP_ORIGIN = "https://app.exempelkommun.example";

    /** Monday 23 November 2026, 11:00 in Stockholm: two working days later is Wednesday the 25th. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TestBean
    Clock clock;

    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-submission-it"));
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected RecordedEvents recorded;
}
