package se.medborgardialog.sla.deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import se.medborgardialog.outbox.BatchedWriter;
import se.medborgardialog.contracts.EventTypes;

/**
 * Publishes the events a transition left pending in the deadline document, then removes them from it.
 * Used right after a transition and by the relay after a crash; both go through the same guard, so one
 * process never sends the same pending event twice at once. Across processes (or after a crash between
 * send and removal) an event can go out twice, with the same deterministic ce_id consumers drop.
 */
@Component
class DeadlineOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineOutbox.class);
    /** How long acknowledgements gather before one bulk write removes them from their documents. */
    private static final Duration MARK_GATHERING = Duration.ofMillis(20);

    private final DeadlineStore store;
    private final DeadlineEventSender sender;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Removes the events {@link #publishStarted} sent and the broker acknowledged from their documents, on its own
     * thread, a few ms later: the acknowledgements that arrive meanwhile (one each, under load) go in the same bulk write.
     */
    private final BatchedWriter<Published> marker;

    private record Published(String deadlineId, String eventId) {
    }

    DeadlineOutbox(DeadlineStore store, DeadlineEventSender sender) {
        this.store = store;
        this.sender = sender;
        this.marker = BatchedWriter.<Published>writingWith(batch -> store.markPublished(byDeadline(batch)))
                .named("sla-outbox-marker")
                .gathering(MARK_GATHERING)
                .atMost(1_000)
                .whenWritten(this::noLongerInFlight)
                .whenNotWritten((batch, failure, willRetry) -> {
                    log.warn("Marking {} published event(s) failed, the relay will send them again: {}", batch.size(),
                            failure.toString());
                    noLongerInFlight(batch);
                })
                .start();
    }

    /** Publishes what {@code deadline} has pending, in order; stops at the first failure (the relay retries). */
    void publishPending(Deadline deadline) {
        for (PendingEvent event : deadline.pendingEvents()) {
            if (!publish(deadline.id(), event.eventId())) {
                return;
            }
        }
    }

    /**
     * Publishes what a deadline this thread has just inserted has pending ({@code DeadlineScheduled}, or a breach of a
     * backdated case) without waiting for the broker: the caller (the case-events consumer) goes on with its next
     * record, and the acknowledged events are removed from their documents in the background, many in one bulk write.
     * The deadline is not re-read (nobody else has written it yet). Nothing is lost by not waiting: the events are
     * pending in the stored document, and one not acknowledged (or not marked before a crash) is sent again by the
     * relay after its grace, with the same ce_id. Events of the clock published later leave after these (one producer).
     */
    void publishStarted(Deadline deadline) {
        for (PendingEvent event : deadline.pendingEvents()) {
            if (!inFlight.add(event.eventId())) {
                continue;
            }
            Published published = new Published(deadline.id(), event.eventId());
            CompletableFuture<Void> acknowledged;
            try {
                acknowledged = sender.sendAsync(new OutgoingEvent(deadline.caseId(), event.eventId(), typeOf(event.kind()),
                        event.occurredAt(), deadline.eventPayload(event)));
            } catch (RuntimeException e) {
                notSent(published, e);
                return;
            }
            // Marked by the marker thread, whether the sender waited or not.
            acknowledged.whenComplete((ok, failure) -> {
                if (failure == null) {
                    marker.add(published);
                } else {
                    notSent(published, failure);
                }
            });
        }
    }

    private void noLongerInFlight(List<Published> batch) {
        batch.forEach(p -> inFlight.remove(p.eventId()));
    }

    private static Map<String, List<String>> byDeadline(List<Published> batch) {
        Map<String, List<String>> byDeadline = new LinkedHashMap<>();
        batch.forEach(p -> byDeadline.computeIfAbsent(p.deadlineId(), id -> new ArrayList<>()).add(p.eventId()));
        return byDeadline;
    }

    private void notSent(Published published, Throwable failure) {
        inFlight.remove(published.eventId());
        log.warn("Publishing event {} of deadline {} failed, the relay will retry: {}", published.eventId(),
                published.deadlineId(), failure.toString());
    }

    /** Marks what was acknowledged before the store goes away; whatever is not marked stays pending, for the relay. */
    @Override
    public void destroy() {
        marker.close();
    }

    /**
     * Publishes what these just-written deadlines have pending as one batch: every event sent before any
     * acknowledgement is awaited, then the acknowledged ones removed from their documents in one bulk write. The
     * deadlines are not re-read: they are what this process just wrote. Events another thread is publishing are left
     * to it; those the broker did not acknowledge stay pending for the relay.
     *
     * @return the deadline ids all of whose pending events were published
     */
    Set<String> publishAll(List<Deadline> deadlines) {
        List<OutgoingEvent> events = new ArrayList<>();
        Map<String, String> deadlineOf = new LinkedHashMap<>();
        for (Deadline deadline : deadlines) {
            for (PendingEvent event : deadline.pendingEvents()) {
                if (inFlight.add(event.eventId())) {
                    events.add(new OutgoingEvent(deadline.caseId(), event.eventId(), typeOf(event.kind()),
                            event.occurredAt(), deadline.eventPayload(event)));
                    deadlineOf.put(event.eventId(), deadline.id());
                }
            }
        }
        try {
            List<OutgoingEvent> sent = events.isEmpty() ? List.of() : sender.sendAll(events);
            Map<String, List<String>> published = new LinkedHashMap<>();
            sent.forEach(e -> published.computeIfAbsent(deadlineOf.get(e.eventId()), id -> new ArrayList<>()).add(e.eventId()));
            store.markPublished(published);
            if (sent.size() < events.size()) {
                log.warn("Published {} of {} events in a batch, the relay will retry the rest", sent.size(), events.size());
            }
            return published.keySet();
        } catch (RuntimeException e) {
            log.warn("Publishing a batch of {} events failed, the relay will retry: {}", events.size(), e.toString());
            return Set.of();
        } finally {
            events.forEach(e -> inFlight.remove(e.eventId()));
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
