package se.medborgardialog.sla.deadline;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Republishes events a crash (or a broker outage) left pending in deadline documents. Only events older
 * than the grace period, so it does not race the in-line publication that normally follows a transition.
 */
@Component
class PendingEventRelay {

    private static final Logger log = LoggerFactory.getLogger(PendingEventRelay.class);

    private final DeadlineStore store;
    private final DeadlineOutbox outbox;
    private final SlaProperties properties;
    private final Clock clock;

    PendingEventRelay(DeadlineStore store, DeadlineOutbox outbox, SlaProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sla.relay.interval:PT5S}", initialDelayString = "${sla.relay.interval:PT5S}")
    void relay() {
        try {
            var stuck = store.findWithEventsPendingSince(clock.instant().minus(properties.relay().grace()),
                    properties.relay().batch());
            if (!stuck.isEmpty()) {
                log.info("Relaying pending events of {} deadline(s)", stuck.size());
            }
            stuck.forEach(outbox::publishPending);
        } catch (RuntimeException e) {
            log.warn("Relay run failed: {}", e.toString());
        }
    }
}
