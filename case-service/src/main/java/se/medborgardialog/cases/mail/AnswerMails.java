package se.medborgardialog.cases.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.cases.casework.AnswerMail;
import se.medborgardialog.cases.casework.AnswerMailQueued;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;

/**
 * Takes answers to citizens by e-mail. The mail is queued in the case document with the answer
 * ({@link AnswerMail}); it is sent over SMTP right after the answer is stored and marked sent only once the SMTP
 * server accepted it. A mail left pending (server down, no server configured, a crash) is retried by the relay, so
 * none is lost. At least once: a crash between the server's acceptance and the mark sends it again.
 *
 * <p>Without {@code spring.mail.host} Boot creates no {@link JavaMailSender}: mails then stay pending (logged), and
 * go out once the service runs with a mail host.
 *
 * <p>Logs name the case and the mail id, never the address or the text.
 */
@Component
public class AnswerMails {

    private static final Logger log = LoggerFactory.getLogger(AnswerMails.class);

    private final CaseStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final AnswerMailProperties properties;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    AnswerMails(CaseStore store, ObjectProvider<JavaMailSender> senders, AnswerMailProperties properties, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.senders = senders;
        this.properties = properties;
        this.clock = clock;
        this.sent = outcome(meters, "sent");
        this.failed = outcome(meters, "failed");
        if (senders.getIfAvailable() == null) {
            log.warn("No SMTP server configured (spring.mail.host): answer mails stay pending in their cases");
        }
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("medborgardialog.mail.sent")
                .description("Answer mails handed to the SMTP server, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Runs in the answering request, after the answer is stored: nothing here may fail the answer. */
    @EventListener
    void on(AnswerMailQueued queued) {
        try {
            store.find(queued.caseId()).ifPresent(this::deliver);
        } catch (RuntimeException e) {
            log.warn("Answer mail {} for case {} stays pending for the relay ({})", queued.mailId(), queued.caseId(),
                    e.getClass().getSimpleName());
        }
    }

    /** Retries mails pending longer than the grace period. */
    @Scheduled(fixedDelayString = "${cases.mail.relay-interval:1m}", initialDelayString = "${cases.mail.relay-interval:1m}")
    public int relayPending() {
        int delivered = 0;
        for (Case aCase : store.withMailPendingSince(clock.instant().minus(properties.relayGrace()))) {
            log.info("Relaying pending answer mail {} for case {}", aCase.answerMail().mailId(), aCase.caseId());
            if (deliver(aCase)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** @return true when the SMTP server accepted the mail now; false leaves it pending for the relay */
    boolean deliver(Case aCase) {
        AnswerMail mail = aCase.answerMail();
        if (mail == null || !mail.pending()) {
            return false;
        }
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.info("Answer mail {} for case {} stays pending: no SMTP server configured (spring.mail.host)",
                    mail.mailId(), aCase.caseId());
            return false;
        }
        try {
            sender.send(message(sender, aCase));
        } catch (MailException | MessagingException notAccepted) {
            failed.increment();
            // the exception's message may name the address: only its type is logged
            log.warn("Answer mail {} for case {} not accepted by the SMTP server, stays pending for the relay ({})",
                    mail.mailId(), aCase.caseId(), notAccepted.getClass().getSimpleName());
            return false;
        }
        sent.increment();
        Instant now = clock.instant();
        store.markMailSent(aCase.caseId(), mail.mailId(), now);
        log.info("Sent answer mail {} for case {}", mail.mailId(), aCase.caseId());
        return true;
    }

    private MimeMessage message(JavaMailSender sender, Case aCase) throws MessagingException {
        AnswerMailText text = AnswerMailText.of(aCase);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(aCase.contact().email().strip());
        helper.setSubject(text.subject());
        helper.setText(text.body(), false);
        // Jakarta Mail assigns the Message-ID; the mail id travels in a header of its own, so a mail sent twice
        // (at least once: a crash between acceptance and the mark) can be recognised as the same one
        message.setHeader("X-Medborgardialog-Mail-Id", aCase.answerMail().mailId());
        return message;
    }
}
