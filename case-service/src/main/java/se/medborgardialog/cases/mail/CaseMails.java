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
import se.medborgardialog.cases.casework.CaseMail;
import se.medborgardialog.cases.casework.CaseMailQueued;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;

/**
 * Takes a case's mails to the citizen (answers, officers' questions) over SMTP. A mail is queued in the case document
 * with the change it reports ({@link CaseMail}); it is sent right after the change is stored and marked sent only once
 * the SMTP server accepted it. A mail left pending (server down, no server configured, a crash) is retried by the relay, so
 * none is lost. At least once: a crash between the server's acceptance and the mark sends it again.
 *
 * <p>Without {@code spring.mail.host} Boot creates no {@link JavaMailSender}: mails then stay pending (logged), and
 * go out once the service runs with a mail host.
 *
 * <p>Logs name the case and the mail id, never the address or the text.
 */
@Component
public class CaseMails {

    private static final Logger log = LoggerFactory.getLogger(CaseMails.class);

    private final CaseStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final CaseMailProperties properties;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    CaseMails(CaseStore store, ObjectProvider<JavaMailSender> senders, CaseMailProperties properties, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.senders = senders;
        this.properties = properties;
        this.clock = clock;
        this.sent = outcome(meters, "sent");
        this.failed = outcome(meters, "failed");
        if (senders.getIfAvailable() == null) {
            log.warn("No SMTP server configured (spring.mail.host): mails to citizens stay pending in their cases");
        }
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("medborgardialog.mail.sent")
                .description("Mails to citizens (answers, questions) handed to the SMTP server, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Runs in the request that queued the mail, after the change is stored: nothing here may fail the change. */
    @EventListener
    void on(CaseMailQueued queued) {
        try {
            store.find(queued.caseId()).ifPresent(aCase -> deliver(aCase, queued.mailId()));
        } catch (RuntimeException e) {
            log.warn("Mail {} for case {} stays pending for the relay ({})", queued.mailId(), queued.caseId(),
                    e.getClass().getSimpleName());
        }
    }

    /** Retries mails pending longer than the grace period. */
    @Scheduled(fixedDelayString = "${cases.mail.relay-interval:1m}", initialDelayString = "${cases.mail.relay-interval:1m}")
    public int relayPending() {
        int delivered = 0;
        Instant cutoff = clock.instant().minus(properties.relayGrace());
        for (Case aCase : store.withMailPendingSince(cutoff)) {
            for (CaseMail mail : aCase.mails()) {
                if (mail.pending() && mail.queuedAt().isBefore(cutoff)) {
                    log.info("Relaying pending mail {} for case {}", mail.mailId(), aCase.caseId());
                    if (deliver(aCase, mail.mailId())) {
                        delivered++;
                    }
                }
            }
        }
        return delivered;
    }

    /** @return true when the SMTP server accepted the mail now; false leaves it pending for the relay */
    boolean deliver(Case aCase, String mailId) {
        CaseMail mail = aCase.mail(mailId).orElse(null);
        if (mail == null || !mail.pending()) {
            return false;
        }
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.info("Mail {} for case {} stays pending: no SMTP server configured (spring.mail.host)",
                    mail.mailId(), aCase.caseId());
            return false;
        }
        try {
            sender.send(message(sender, aCase, mail));
        } catch (MailException | MessagingException notAccepted) {
            failed.increment();
            // the exception's message may name the address: only its type is logged
            log.warn("Mail {} for case {} not accepted by the SMTP server, stays pending for the relay ({})",
                    mail.mailId(), aCase.caseId(), notAccepted.getClass().getSimpleName());
            return false;
        }
        sent.increment();
        Instant now = clock.instant();
        store.markMailSent(aCase.caseId(), mail.mailId(), now);
        log.info("Sent {} mail {} for case {}", mail.purposeOrAnswer(), mail.mailId(), aCase.caseId());
        return true;
    }

    private MimeMessage message(JavaMailSender sender, Case aCase, CaseMail mail) throws MessagingException {
        CaseMailText text = CaseMailText.of(aCase, mail, properties.intakeBaseUrl());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(aCase.contact().email().strip());
        helper.setSubject(text.subject());
        helper.setText(text.body(), false);
        // Jakarta Mail assigns the Message-ID; the mail id travels in a header of its own, so a mail sent twice
        // (at least once: a crash between acceptance and the mark) can be recognised as the same one
        message.setHeader("X-Medborgardialog-Mail-Id", mail.mailId());
        return message;
    }
}
