package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fires many clocks at once, for the timer, publishing first: the events are built from the due index's entries
 * ({@link ClockEntry}, nothing is read), sent as one batch whose acknowledgements are awaited, then handed to
 * {@link PendingFirings}, which records them by batched inserts of firing records right after, and folds them into
 * the deadline documents later, both off this path.
 * The event ids are the deterministic ones {@link Deadline#fire} gives, so a re-fire (a crash between the send and the
 * record) publishes a duplicate consumers drop. The caller holds {@link PendingFirings#lock()}.
 */
@Service
public class DeadlineFiring {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFiring.class);

    private final DeadlineEventSender sender;
    private final PendingFirings firings;
    private final DeadlineMetrics metrics;

    DeadlineFiring(DeadlineEventSender sender, PendingFirings firings, DeadlineMetrics metrics) {
        this.sender = sender;
        this.firings = firings;
        this.metrics = metrics;
    }

    /**
     * What a batch did.
     *
     * @param published the entries whose events the broker acknowledged (and that are recorded)
     * @param next      the entries that replace them in the index (a clock warned of, running on)
     * @param unsent    the entries to put back (the broker did not acknowledge all their events)
     */
    public record Outcome(List<ClockEntry> published, List<ClockEntry> next, List<ClockEntry> unsent) {
    }

    /** Fires these due entries at {@code now}. */
    public Outcome fire(List<ClockEntry> due, Instant now) {
        long started = System.nanoTime();
        List<ClockEntry.Fired> all = new ArrayList<>(due.size());
        // Built as they are sent: the first event of a burst leaves before the last is built.
        Iterable<OutgoingEvent> events = () -> due.stream()
                .map(entry -> {
                    ClockEntry.Fired fired = entry.fire(now);
                    all.add(fired);
                    return fired;
                })
                .flatMap(fired -> fired.events().stream())
                .iterator();
        Set<String> acknowledged = new HashSet<>();
        try {
            sender.sendAll(events).forEach(e -> acknowledged.add(e.eventId()));
        } catch (RuntimeException e) {
            log.warn("Publishing a batch of {} fired clock(s) failed, the clocks fire again: {}", due.size(), e.toString());
        }
        // What a failed send left unbuilt is built now, unacknowledged, so it is put back below.
        for (int i = all.size(); i < due.size(); i++) {
            all.add(due.get(i).fire(now));
        }
        long sent = System.nanoTime();
        List<ClockEntry> published = new ArrayList<>();
        List<ClockEntry> next = new ArrayList<>();
        List<ClockEntry> unsent = new ArrayList<>();
        List<Firing> records = new ArrayList<>();
        for (ClockEntry.Fired fired : all) {
            if (fired.events().isEmpty()) {
                next.add(fired.entry());
            } else if (fired.events().stream().allMatch(e -> acknowledged.contains(e.eventId()))) {
                published.add(fired.entry());
                records.addAll(fired.firings());
                if (fired.next() != null) {
                    next.add(fired.next());
                }
            } else {
                unsent.add(fired.entry());
            }
        }
        firings.recorded(records);
        records.forEach(r -> metrics.recorded(clockOf(r), r.kind()));
        if (!published.isEmpty()) {
            log.info("Fired {} clock(s) due by {}: built and published in {} ms", published.size(), now,
                    (sent - started) / 1_000_000);
        }
        if (!unsent.isEmpty()) {
            log.warn("{} fired clock(s) not acknowledged by the broker, they fire again", unsent.size());
        }
        return new Outcome(published, next, unsent);
    }

    private static String clockOf(Firing firing) {
        String id = firing.deadlineId();
        return id.substring(id.indexOf(':') + 1);
    }
}
