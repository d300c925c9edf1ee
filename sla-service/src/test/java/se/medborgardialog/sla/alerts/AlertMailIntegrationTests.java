package se.medborgardialog.sla.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.sla.watch.DeadlineTopic;
import se.medborgardialog.sla.watch.WatchIntegrationTestSupport;

/** Alert mails to the unit's managers, against a real SMTP server (GreenMail), with a clock the test moves. */
class AlertMailIntegrationTests extends WatchIntegrationTestSupport {

    private static final Instant DUE = MONDAY.plus(Duration.ofDays(21));
    private static final String CHEF = "chef.stadsmiljo@exempelkommun.se";
    private static final String BITR = "bitr.chef.stadsmiljo@exempelkommun.se";

    @Autowired
    ManagerAlerts alerts;

    @Test
    void aWarningIsMailedOnceToEachManagerOfTheUnitInSwedishWithTheCaseLinkEvenWhenRedelivered() throws Exception {
        CaseId caseId = newCase();
        String eventId = deadlines.warning(caseId, "stadsmiljo", MONDAY, DUE);

        List<MimeMessage> mails = awaitMailsAbout(caseId, 2);
        deadlines.send(eventId, se.medborgardialog.contracts.EventTypes.DEADLINE_WARNING, caseId, MONDAY,
                new se.medborgardialog.contracts.DeadlineWarning(caseId, DeadlineTopic.CLOCK, "stadsmiljo",
                        DeadlineTopic.GATUBELYSNING, "80%", DUE, MONDAY));
        awaitAlertsHandled(caseId, 2);
        alerts.relay();

        assertThat(mailsAbout(caseId)).hasSize(2);
        assertThat(mails).extracting(mail -> mail.getRecipients(Message.RecipientType.TO)[0].toString())
                .containsExactlyInAnyOrder(CHEF, BITR);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Risk för försening: Gatubelysning lagad inom 3 veckor – ärende "
                + caseId.toString().substring(0, 8));
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Ett ärende i Stadsmiljö riskerar att inte klaras i tid.",
                "Garanti: Gatubelysning lagad inom 3 veckor (version 2)", "Förfaller: 14 dec. 2026 kl. 10:00",
                "Varningspunkt: 80%", "Ärende: http://localhost:8082/arenden/" + caseId,
                "http://localhost:8083/bevakning");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@exempelkommun.se");
    }

    @Test
    void aBreachIsMailedAndAUnitWithoutManagersGetsNone() throws Exception {
        CaseId breached = newCase();
        CaseId nobodys = newCase();
        deadlines.breached(nobodys, "omsorg", DUE.plusSeconds(1), DUE);
        deadlines.breached(breached, "medborgarservice", DUE.plusSeconds(1), DUE);

        List<MimeMessage> mails = awaitMailsAbout(breached, 1);
        assertThat(mails.get(0).getSubject()).startsWith("Försenat: Gatubelysning lagad inom 3 veckor");
        assertThat(((String) mails.get(0).getContent())).contains("har passerat sin tidsgräns");
        assertThat(mailsAbout(nobodys)).isEmpty();
    }

    @Test
    void alertsDuringTheQuietHoursAreHeldAndSentAsOneMailPerManagerWhenTheyEnd() throws Exception {
        Instant lateEvening = ZonedDateTime.of(2026, 11, 23, 23, 15, 0, 0, java.time.ZoneId.of("Europe/Stockholm"))
                .toInstant();
        clock.set(lateEvening);
        CaseId warned = newCase();
        CaseId breached = newCase();
        deadlines.warning(warned, "stadsmiljo", lateEvening, DUE);
        deadlines.breached(breached, "stadsmiljo", lateEvening.plusSeconds(60), lateEvening);
        awaitAlertsHandled(breached, 2);

        clock.set(lateEvening.plus(Duration.ofHours(7)));  // 06:15
        assertThat(alerts.relay()).isZero();
        assertThat(mailsAbout(warned)).isEmpty();

        clock.set(ZonedDateTime.of(2026, 11, 24, 7, 0, 0, 0, java.time.ZoneId.of("Europe/Stockholm")).toInstant());
        assertThat(alerts.relay()).isEqualTo(4);
        assertThat(alerts.relay()).isZero();

        List<MimeMessage> toChef = Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> recipient(mail).equals(CHEF) && body(mail).contains(warned.toString())).toList();
        assertThat(toChef).hasSize(1);
        MimeMessage mail = toChef.get(0);
        assertThat(mail.getSubject()).isEqualTo("Samlade varningar om tidsgränser: 1 varning och 1 försening");
        assertThat(body(mail)).contains("Stadsmiljö", "Risk för försening: Gatubelysning lagad inom 3 veckor",
                "Försenat: Gatubelysning lagad inom 3 veckor", warned.toString(), breached.toString());
    }

    private void awaitAlertsHandled(CaseId caseId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(
                Query.query(Criteria.where("caseId").is(caseId.toString())), "sent_alerts") == count);
    }

    private List<MimeMessage> awaitMailsAbout(CaseId caseId, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout(caseId), mails -> mails.size() == count);
    }

    static List<MimeMessage> mailsAbout(CaseId caseId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> body(mail).contains(caseId.toString()))
                .toList();
    }

    static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
