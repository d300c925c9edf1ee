package se.medborgardialog.sla.deadline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.EventTypes;

/**
 * Publishes the events a transition left pending in the deadline document, then removes them from it.
 * Used right after a transition and by the relay after a crash; both go through the same guard, so one
 * process never sends the same pending event twice at once. Across processes (or after a crash between
 * send and removal) an event can go out twice, with the same deterministic ce_id consumers drop.
 */
@Component
class DeadlineOutbox {

    private static final Logger log = LoggerFactory.getLogger(DeadlineOutbox.class);

    private final DeadlineStore store;
    private final DeadlineEventSender sender;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    DeadlineOutbox(DeadlineStore store, DeadlineEventSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** Publishes what {@code deadline} has pending, in order; stops at the first failure (the relay retries). */
    void publishPending(Deadline deadline) {
        for (PendingEvent event : deadline.pendingEvents()) {
            if (!publish(deadline.id(), event.eventId())) {
                return;
            }
        }
    }

    /** @return false when the send failed */
    private boolean publish(String deadlineId, String eventId) {
        if (!inFlight.add(eventId)) {
            return true;
        }
        try {
            // Re-read under the guard: another thread may have published and removed it meanwhile.
            var current = store.find(deadlineId);
            var pending = current.flatMap(d -> d.pendingEvent(eventId));
            if (pending.isEmpty()) {
                return true;
            }
            Deadline deadline = current.get();
            PendingEvent event = pending.get();
            sender.send(new OutgoingEvent(deadline.caseId(), event.eventId(), typeOf(event.kind()), event.occurredAt(),
                    deadline.eventPayload(event)));
            store.markPublished(deadlineId, eventId);
            log.info("Published {} of clock {} for case {}", event.kind(), deadline.clock(), deadline.caseId());
            return true;
        } catch (RuntimeException e) {
            log.warn("Publishing event {} of deadline {} failed, the relay will retry: {}", eventId, deadlineId, e.toString());
            return false;
        } finally {
            inFlight.remove(eventId);
        }
    }

    static String typeOf(PendingEvent.Kind kind) {
        return switch (kind) {
            case SCHEDULED -> EventTypes.DEADLINE_SCHEDULED;
            case MET -> EventTypes.DEADLINE_MET;
            case BREACHED -> EventTypes.DEADLINE_BREACHED;
            case PAUSED -> EventTypes.DEADLINE_PAUSED;
            case RESUMED -> EventTypes.DEADLINE_RESUMED;
            case WARNING -> EventTypes.DEADLINE_WARNING;
            case RESCHEDULED -> EventTypes.DEADLINE_RESCHEDULED;
        };
    }
}
