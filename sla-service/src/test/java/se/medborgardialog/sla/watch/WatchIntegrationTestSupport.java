package se.medborgardialog.sla.watch;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * sla-service on a real port (for a browser and a Server-Sent Events client) and through MockMvc, with a real
 * in-process broker and store, an SMTP server (GreenMail) and a clock the tests move. The watch's and the alerts'
 * integration test classes share this one context; each test uses cases of its own. The scheduled relay and gauge
 * refresh are slowed to an hour, so tests call them when they mean to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "sla.alerts.recipients.stadsmiljo[0]=chef.stadsmiljo@exempelkommun.se",
        "sla.alerts.recipients.stadsmiljo[1]=bitr.chef.stadsmiljo@exempelkommun.se",
        "sla.alerts.recipients.medborgarservice[0]=chef.medborgarservice@exempelkommun.se",
        "sla.alerts.relay-interval=PT1H",
        "sla.watch.metrics-interval=PT1H",
        "sla.watch.heartbeat=PT1S"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES})
@Import(WatchIntegrationTestSupport.MovableTime.class)
public abstract class WatchIntegrationTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Monday 23 November 2026, 10:00 in Stockholm: outside the quiet hours. */
    public static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, WatchRow.STOCKHOLM).toInstant();
    public static final String PASSWORD = "utveckling";

    /** One SMTP server for the whole context, on a port fixed before it starts. */
    public static final GreenMail SMTP = startSmtp();

    protected static DeadlineTopic deadlines;

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY);
        }
    }

    @DynamicPropertySource
    static void storeAndMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("sla-watch-integration"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected WatchModel model;
    @Autowired
    DeadlineLiveConsumer live;

    @BeforeEach
    void connect() {
        clock.set(MONDAY);
        if (deadlines == null) {
            deadlines = new DeadlineTopic(broker.getBrokersAsString(), json);
        }
    }

    @AfterAll
    static void disconnect() {
        if (deadlines != null) {
            deadlines.close();
            deadlines = null;
        }
    }

    protected static CaseId newCase() {
        return new CaseId(UUID.randomUUID());
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The read model's clock of the case, once it is in {@code state}. */
    WatchedClock awaitState(CaseId caseId, WatchState state) {
        return await().atMost(PATIENCE).until(() -> model.find(caseId, DeadlineTopic.CLOCK).orElse(null),
                clock -> clock != null && clock.state() == state);
    }

    /**
     * The live binding starts at the latest offset once it has its partition: until it hears an event, one sent now
     * could pass it by. Sends a clock of a unit nobody watches until it does.
     */
    void awaitLiveFeed() {
        long before = live.heard();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            deadlines.scheduled(newCase(), "ingen-enhet", clock.instant(), clock.instant().plus(Duration.ofDays(21)));
            return live.heard() > before;
        });
    }

    /** Forgets any earlier session, then logs in through the login form. */
    protected void signIn(Browser browser, String username) {
        browser.open(url("/logga-in"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/logga-in"));
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage("#login-form button[type=submit]");
    }

    private static GreenMail startSmtp() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
