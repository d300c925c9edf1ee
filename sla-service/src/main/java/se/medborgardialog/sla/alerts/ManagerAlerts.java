package se.medborgardialog.sla.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.sla.watch.ClockChange;
import se.medborgardialog.sla.watch.WatchProperties;

/**
 * Mails the unit's managers when a clock warns or is breached: once per event and recipient across instances (the
 * {@code sent_alerts} document, whose id is unique, is written before anything is sent), at once outside the quiet
 * hours, held and sent as one mail per recipient when they end, or gathered into the daily digest. A mail is marked
 * sent only after the SMTP server accepted it; whatever is left pending (no server, a crash) the relay sends later.
 * At least once: a crash between the server's acceptance and the mark sends it again.
 *
 * <p>Logs name the case and the event, never an address.
 */
@Component
public class ManagerAlerts {

    private static final Logger log = LoggerFactory.getLogger(ManagerAlerts.class);
    /** A claim older than this is taken over (the instance that claimed it died mid-send). */
    private static final java.time.Duration CLAIM_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> senders;
    private final AlertProperties properties;
    private final WatchProperties watch;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    ManagerAlerts(MongoTemplate mongo, ObjectProvider<JavaMailSender> senders, AlertProperties properties,
            WatchProperties watch, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.senders = senders;
        this.properties = properties;
        this.watch = watch;
        this.clock = clock;
        this.sent = mails(meters, "sent");
        this.failed = mails(meters, "failed");
        if (senders.getIfAvailable() == null) {
            log.warn("No SMTP server configured (spring.mail.host): alerts to managers wait in sent_alerts");
        }
    }

    private static Counter mails(MeterRegistry meters, String outcome) {
        return Counter.builder("medborgardialog.sla.alert_mails")
                .description("Alert mails to managers handed to the SMTP server, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** A warning or a breach: one alert per recipient of its unit, sent now or held. */
    public void alert(ClockChange change) {
        SentAlert.Kind kind = switch (change.type()) {
            case EventTypes.DEADLINE_WARNING -> SentAlert.Kind.WARNING;
            case EventTypes.DEADLINE_BREACHED -> SentAlert.Kind.BREACHED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Instant now = clock.instant();
        Instant releaseAt = properties.releaseAt(now);
        boolean held = releaseAt.isAfter(now);
        for (String recipient : properties.recipientsOf(change.unit())) {
            SentAlert alert = new SentAlert(SentAlert.id(change.eventId(), recipient), change.eventId(), recipient,
                    kind, change.caseId().toString(), change.clock(), change.unit(), change.guaranteeTitle(),
                    change.guarantee() == null ? null : change.guarantee().version(), change.dueAt(), change.point(),
                    change.at(), now, held ? SentAlert.State.HELD : SentAlert.State.PENDING, releaseAt,
                    properties.digest().enabled(), null, null);
            try {
                mongo.insert(alert);
            } catch (DuplicateKeyException alreadyThere) {
                log.debug("Alert for event {} already recorded", change.eventId());
                continue;
            }
            if (held) {
                log.info("{} alert for case {} held until {}", kind, change.caseId(), releaseAt);
            } else {
                claim(alert.id(), now).ifPresent(this::deliverOne);
            }
        }
    }

    /**
     * Sends what is due: held alerts whose time came (one mail per recipient), and alerts left pending or claimed by
     * an instance that died. Returns how many alerts went out.
     */
    @Scheduled(fixedDelayString = "${sla.alerts.relay-interval:PT1M}", initialDelayString = "${sla.alerts.relay-interval:PT1M}")
    public int relay() {
        if (senders.getIfAvailable() == null) {
            return 0;
        }
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().orOperator(
                        Criteria.where("state").is(SentAlert.State.HELD).and("releaseAt").lte(now),
                        Criteria.where("state").is(SentAlert.State.PENDING).and("receivedAt")
                                .lte(now.minus(properties.relayGrace())),
                        Criteria.where("state").is(SentAlert.State.SENDING).and("claimedAt")
                                .lte(now.minus(CLAIM_TIMEOUT))))
                .with(Sort.by("receivedAt"));
        Map<String, List<SentAlert>> byRecipient = new LinkedHashMap<>();
        for (SentAlert candidate : mongo.find(due, SentAlert.class)) {
            claim(candidate, now).ifPresent(alert ->
                    byRecipient.computeIfAbsent(alert.recipient(), r -> new ArrayList<>()).add(alert));
        }
        int delivered = 0;
        for (List<SentAlert> alerts : byRecipient.values()) {
            boolean held = alerts.stream().anyMatch(a -> a.digest() || a.releaseAt().isAfter(a.receivedAt()));
            AlertMailText text = alerts.size() == 1 && !held
                    ? AlertMailText.one(alerts.get(0), watch)
                    : AlertMailText.collected(alerts, alerts.stream().anyMatch(SentAlert::digest), watch);
            if (deliver(alerts, text)) {
                delivered += alerts.size();
            }
        }
        return delivered;
    }

    private void deliverOne(SentAlert alert) {
        deliver(List.of(alert), AlertMailText.one(alert, watch));
    }

    /** Sends one mail for the claimed alerts of one recipient; a failure hands them back to the relay. */
    private boolean deliver(List<SentAlert> alerts, AlertMailText text) {
        JavaMailSender sender = senders.getIfAvailable();
        SentAlert first = alerts.get(0);
        List<String> ids = alerts.stream().map(SentAlert::id).toList();
        if (sender == null) {
            release(ids);
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(first.recipient());
            helper.setSubject(text.subject());
            helper.setText(text.body(), false);
            message.setHeader("X-Medborgardialog-Alert-Ids", String.join(",", ids.stream().map(
                    id -> id.substring(0, id.lastIndexOf(':'))).toList()));
            sender.send(message);
        } catch (MailException | MessagingException notAccepted) {
            failed.increment();
            log.warn("Alert mail for {} alert(s) not accepted by the SMTP server, left for the relay ({})",
                    alerts.size(), notAccepted.getClass().getSimpleName());
            release(ids);
            return false;
        }
        sent.increment();
        Instant now = clock.instant();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
                new Update().set("state", SentAlert.State.SENT).set("sentAt", now), SentAlert.class);
        alerts.forEach(alert -> log.info("Mailed {} alert for case {} (event {})", alert.kind(), alert.caseId(),
                alert.eventId()));
        return true;
    }

    /** Takes an alert for sending, unless another instance already has. */
    private java.util.Optional<SentAlert> claim(String id, Instant now) {
        return java.util.Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("state").is(SentAlert.State.PENDING)),
                new Update().set("state", SentAlert.State.SENDING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(false), SentAlert.class));
    }

    private java.util.Optional<SentAlert> claim(SentAlert candidate, Instant now) {
        Criteria same = Criteria.where("_id").is(candidate.id()).and("state").is(candidate.state());
        if (candidate.state() == SentAlert.State.SENDING) {
            same = same.and("claimedAt").is(candidate.claimedAt());
        }
        return java.util.Optional.ofNullable(mongo.findAndModify(Query.query(same),
                new Update().set("state", SentAlert.State.SENDING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(false), SentAlert.class));
    }

    /** Back to the relay: pending now (held ones' time has come). */
    private void release(List<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("state").is(SentAlert.State.SENDING)),
                new Update().set("state", SentAlert.State.PENDING), SentAlert.class);
    }
}
