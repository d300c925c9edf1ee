package se.medborgardialog.sla.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fires many clocks at once, for the timer: one read of them all by id, one bulk of conditional writes, one batch
 * of events sent before any acknowledgement is awaited, one bulk removal from the outbox. What each clock does is
 * {@link Deadline#fire}; a clock that changed since the timer indexed it (answered, paused, moved) finds nothing to
 * do, and its current state is handed back to the listeners so the index follows it. A clock whose write met a
 * concurrent one is fired again on its own through {@link DeadlineClocks#fire}.
 */
@Service
public class DeadlineFiring {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFiring.class);

    private final DeadlineStore store;
    private final DeadlineOutbox outbox;
    private final DeadlineMetrics metrics;
    private final DeadlineClocks clocks;
    private final List<ClockListener> listeners;
    private final Clock clock;

    DeadlineFiring(DeadlineStore store, DeadlineOutbox outbox, DeadlineMetrics metrics, DeadlineClocks clocks,
                   List<ClockListener> listeners, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clocks = clocks;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /**
     * Fires the clocks with these ids at the clock's now.
     *
     * @return the deadlines that changed, as stored (their events published, or left to the relay)
     */
    public List<Deadline> fire(Collection<String> ids) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<DeadlineStore.Change> changes = new ArrayList<>(ids.size());
        for (Deadline current : store.findAll(ids)) {
            Optional<Deadline> next = current.fire(now);
            if (next.isPresent()) {
                changes.add(new DeadlineStore.Change(current, next.get()));
            } else {
                notifyListeners(current);
            }
        }
        long read = System.nanoTime();
        Set<String> written = store.replaceAll(changes);
        long wrote = System.nanoTime();
        List<Deadline> fired = new ArrayList<>(written.size());
        for (DeadlineStore.Change change : changes) {
            Deadline next = change.next();
            if (written.contains(next.id())) {
                fired.add(next);
                next.pendingEvents().stream()
                        .filter(e -> change.current().pendingEvent(e.eventId()).isEmpty())
                        .forEach(e -> metrics.recorded(next, e.kind()));
                notifyListeners(next);
            } else {
                log.debug("Deadline {} changed while it fired, firing it again alone", next.id());
                clocks.fire(next.id());
            }
        }
        if (!fired.isEmpty()) {
            outbox.publishAll(fired);
            log.info("Fired {} clock(s) due by {}: read {} ms, written {} ms, published {} ms", fired.size(), now,
                    (read - started) / 1_000_000, (wrote - read) / 1_000_000, (System.nanoTime() - wrote) / 1_000_000);
        }
        return fired;
    }

    private void notifyListeners(Deadline deadline) {
        listeners.forEach(listener -> listener.scheduled(deadline));
    }
}
