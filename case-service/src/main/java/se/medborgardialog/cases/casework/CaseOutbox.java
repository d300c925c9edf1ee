package se.medborgardialog.cases.casework;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.outbox.RelayDue;

/**
 * Gets staged events out: publish (waits for the broker's ack), then remove from the document. If the process
 * dies or the broker is down in between, the event stays in the document and the relay sends it again later;
 * its deterministic id makes that a duplicate consumers drop.
 */
@Component
public class CaseOutbox {

    private static final Logger log = LoggerFactory.getLogger(CaseOutbox.class);

    private final CaseEventPublisher publisher;
    private final CaseStore store;
    private final PublishedMarks marks;
    private final OutboxProperties properties;
    private final Clock clock;
    private final RelayDue due;

    CaseOutbox(CaseEventPublisher publisher, CaseStore store, PublishedMarks marks, OutboxProperties properties,
            Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.marks = marks;
        this.properties = properties;
        this.clock = clock;
        this.due = new RelayDue(clock, properties.relayGrace(), properties.relayInterval(), properties.relaySweep());
    }

    /**
     * Sends the event without waiting for the broker: once it acknowledged, the event leaves the document with others
     * acknowledged meanwhile ({@link PublishedMarks}); if it never does, the event stays pending for the relay. For a
     * consumer, whose caller waits for nothing: one broker round trip and one store write serve many cases.
     */
    public void flushAsync(CaseId caseId, PendingEvent event) {
        marks.sending(event.eventId());
        publisher.publishAsync(event).whenComplete((sent, notAcknowledged) -> {
            if (notAcknowledged == null) {
                marks.acknowledged(caseId, event.eventId());
            } else {
                marks.notAcknowledged(event.eventId());
                due.leftPending();
                log.warn("Event {} for case {} not acknowledged by Kafka, stays pending for the relay: {}",
                        event.type(), caseId, notAcknowledged.getMessage());
            }
        });
    }

    /** @return true when the broker acknowledged the event; false leaves it pending for the relay */
    public boolean flush(CaseId caseId, PendingEvent event) {
        try {
            publisher.publish(event);
        } catch (RuntimeException notAcknowledged) {
            due.leftPending();
            log.warn("Event {} for case {} not acknowledged by Kafka, stays pending for the relay: {}",
                    event.type(), caseId, notAcknowledged.getMessage());
            return false;
        }
        store.markPublished(caseId, event.eventId());
        log.info("Published {} for case {}", event.type(), caseId);
        return true;
    }

    /**
     * Publishes all of a case's pending events in the order they were staged, stopping at the first failure so a
     * later event never overtakes an earlier one.
     *
     * @return true when nothing is left pending
     */
    public boolean flushInOrder(Case aCase) {
        for (PendingEvent event : aCase.outbox()) {
            if (!flush(aCase.caseId(), event)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this process sent the event with {@link #flushAsync} and it is still in its case's outbox only because
     * the acknowledgement or its mark has not come back yet. Asked before reading the case: when it says no, a read
     * after it sees the outbox as the mark left it.
     */
    public boolean isUnderway(String eventId) {
        return marks.isUnderway(eventId);
    }

    /**
     * Looks for pending events only with a reason ({@link RelayDue}): the look reads every case. Before, it looked
     * every 5 s.
     */
    @Scheduled(fixedDelayString = "${cases.outbox.relay-interval:5s}", initialDelayString = "${cases.outbox.relay-interval:5s}")
    public void relayIfDue() {
        if (due.take()) {
            try {
                relayPending();
            } catch (RuntimeException e) {
                due.leftPending();
                log.warn("Relay run failed: {}", e.toString());
            }
        }
    }

    /** Republishes events pending longer than the grace period. */
    public int relayPending() {
        Instant cutoff = clock.instant().minus(properties.relayGrace());
        int published = 0;
        for (Case aCase : store.withEventsPendingSince(cutoff)) {
            for (PendingEvent event : aCase.outbox()) {
                if (!event.time().isBefore(cutoff)) {
                    break;
                }
                log.info("Relaying pending {} for case {}", event.type(), aCase.caseId());
                if (!flush(aCase.caseId(), event)) {
                    break;
                }
                published++;
            }
        }
        return published;
    }
}
