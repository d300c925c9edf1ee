package se.medborgardialog.sla.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.watch.DeadlineTopic;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** The daily digest: a context of its own, as {@code sla.alerts.digest.enabled} is read at start-up. */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "sla.alerts.recipients.stadsmiljo[0]=chef.stadsmiljo@exempelkommun.se",
        "sla.alerts.recipients.medborgarservice[0]=chef.stadsmiljo@exempelkommun.se",
        "sla.alerts.digest.enabled=true",
        "sla.alerts.digest.at=07:30",
        "sla.alerts.relay-interval=PT1H"})
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES})
@Import(AlertDigestIntegrationTests.MovableTime.class)
class AlertDigestIntegrationTests {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, STOCKHOLM).toInstant();
    private static final GreenMail SMTP = startSmtp();

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
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("sla-digest-integration"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    MutableClock clock;
    @Autowired
    ManagerAlerts alerts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper json;

    @Test
    void theDaysWarningsAndBreachesOfEveryUnitComeAsOneMailAtTheDigestTime() throws Exception {
        CaseId warned = new CaseId(java.util.UUID.randomUUID());
        CaseId breached = new CaseId(java.util.UUID.randomUUID());
        Instant due = MONDAY.plus(Duration.ofDays(21));
        try (DeadlineTopic deadlines = new DeadlineTopic(broker.getBrokersAsString(), json)) {
            deadlines.warning(warned, "stadsmiljo", MONDAY, due);
            clock.set(MONDAY.plus(Duration.ofHours(5)));
            deadlines.breached(breached, "medborgarservice", MONDAY.plus(Duration.ofHours(5)), MONDAY);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(Query.query(Criteria.where("caseId")
                .in(warned.toString(), breached.toString())), "sent_alerts") == 2);

        clock.set(ZonedDateTime.of(2026, 11, 24, 7, 29, 0, 0, STOCKHOLM).toInstant());
        assertThat(alerts.relay()).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        clock.set(ZonedDateTime.of(2026, 11, 24, 7, 30, 0, 0, STOCKHOLM).toInstant());
        assertThat(alerts.relay()).isEqualTo(2);

        List<MimeMessage> mails = Arrays.asList(SMTP.getReceivedMessages());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject())
                .isEqualTo("Daglig sammanställning av tidsgränser: 1 varning och 1 försening");
        String body = ((String) mails.get(0).getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Medborgarservice\n----------------", "Stadsmiljö\n----------",
                warned.toString(), breached.toString());
        assertThat(body.indexOf("Medborgarservice")).isLessThan(body.indexOf("Stadsmiljö"));
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
