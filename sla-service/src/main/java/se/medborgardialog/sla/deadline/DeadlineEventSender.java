package se.medborgardialog.sla.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends events and returns only when the broker acknowledged them; throws otherwise. */
@FunctionalInterface
interface DeadlineEventSender {

    void send(OutgoingEvent event);

    /**
     * Sends {@code event} without waiting: the future completes when the broker acknowledged it (or fails). Events
     * of a case sent by {@link #send}, {@link #sendAll} and this leave in the order they were handed over.
     */
    default CompletableFuture<Void> sendAsync(OutgoingEvent event) {
        try {
            send(event);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends all of {@code events}, in order per case, and waits for the broker's acknowledgements. The events are
     * read one by one as they are sent, so a caller may build them lazily (the timer does: the first event of a burst
     * leaves while the rest are still being built).
     *
     * @return the events the broker acknowledged (the others stay pending for the relay)
     */
    default List<OutgoingEvent> sendAll(Iterable<OutgoingEvent> events) {
        List<OutgoingEvent> sent = new ArrayList<>();
        for (OutgoingEvent event : events) {
            try {
                send(event);
                sent.add(event);
            } catch (RuntimeException e) {
                return sent;
            }
        }
        return sent;
    }
}
