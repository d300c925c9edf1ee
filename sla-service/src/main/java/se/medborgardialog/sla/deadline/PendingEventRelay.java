package se.medborgardialog.sla.deadline;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.outbox.RelayDue;

/**
 * Republishes events a crash (or a broker outage) left pending in deadline documents. Only events older
 * than the grace period, so it does not race the in-line publication that normally follows a transition. It looks
 * only when it has a reason ({@link RelayDue}): the look is a scan of every deadline.
 */
@Component
class PendingEventRelay {

    private static final Logger log = LoggerFactory.getLogger(PendingEventRelay.class);

    private final DeadlineStore store;
    private final DeadlineOutbox outbox;
    private final SlaProperties properties;
    private final Clock clock;
    private final RelayDue due;

    PendingEventRelay(DeadlineStore store, DeadlineOutbox outbox, SlaProperties properties, Clock clock,
            RelayDue due) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.due = due;
    }

    @Scheduled(fixedDelayString = "${sla.relay.interval:PT5S}", initialDelayString = "${sla.relay.interval:PT5S}")
    void relayIfDue() {
        if (due.take()) {
            relay();
        }
    }

    void relay() {
        try {
            var stuck = store.findWithEventsPendingSince(clock.instant().minus(properties.relay().grace()),
                    properties.relay().batch());
            if (!stuck.isEmpty()) {
                log.info("Relaying pending events of {} deadline(s)", stuck.size());
            }
            stuck.forEach(outbox::publishPending);
            if (stuck.size() >= properties.relay().batch()) {
                due.more();
            }
        } catch (RuntimeException e) {
            due.leftPending();
            log.warn("Relay run failed: {}", e.toString());
        }
    }
}
