package se.medborgardialog.sla.timer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.ClockListener;
import se.medborgardialog.sla.deadline.Deadline;

/**
 * The clocks this instance fires: those of the cases whose events are on the partitions of the cases topic it
 * consumes, one {@link DueIndex} per partition. The consumer thread changes them (assignment, revocation, every
 * transition it writes) and the firing thread takes the due ones; one monitor guards both.
 *
 * <p>A newly assigned partition is <em>held</em> until the consumer has handled the records that were on it at
 * assignment: after a crash those records re-make writes the store lost (an answer in time must stop a clock
 * before the clock can be fired as breached).
 */
@Component
public class OwnedClocks implements ClockListener {

    private final Map<Integer, DueIndex> indexes = new HashMap<>();
    /** Held partitions: the offset the consumer must reach before their clocks fire. */
    private final Map<Integer, Long> heldUntil = new HashMap<>();
    /** Partitions being loaded: what was written meanwhile, applied over the loaded index when it is assigned. */
    private final Map<Integer, Map<String, Change>> loading = new HashMap<>();
    private int partitions;

    /** A clock written while its partition was loading: its entry (null: none) at the deadline's version. */
    private record Change(long version, ClockEntry entry) {
    }

    OwnedClocks(MeterRegistry registry) {
        Gauge.builder("medborgardialog.sla.clocks.indexed", this, OwnedClocks::size)
                .description("Clocks in this instance's due index (the running clocks of the partitions it owns)")
                .register(registry);
    }

    /** Every transition written: the clock's entry follows its next fire time, if this instance owns it. */
    @Override
    public synchronized void scheduled(Deadline deadline) {
        if (partitions == 0) {
            return;
        }
        int partition = CasePartitioner.partitionOf(deadline.caseId(), partitions);
        Map<String, Change> changed = loading.get(partition);
        if (changed != null) {
            changed.merge(deadline.id(), new Change(deadline.version(), ClockEntry.of(deadline)),
                    (before, after) -> after.version() >= before.version() ? after : before);
        }
        DueIndex index = indexes.get(partition);
        if (index != null) {
            ClockEntry entry = ClockEntry.of(deadline);
            if (entry == null) {
                index.remove(deadline.id());
            } else {
                index.put(entry);
                notifyAll();
            }
        }
    }

    /** The topic has {@code count} partitions (learned at assignment). */
    synchronized void partitionCount(int count) {
        partitions = count;
    }

    /** The partition count learned at assignment; 0 before. */
    synchronized int partitionCount() {
        return partitions;
    }

    /** These partitions are being loaded: clocks written meanwhile are kept for {@link #assign}. */
    synchronized void loading(Collection<Integer> loaded) {
        loaded.forEach(partition -> loading.put(partition, new HashMap<>()));
    }

    int partitionOf(String caseId) {
        int count;
        synchronized (this) {
            count = partitions;
        }
        return CasePartitioner.partitionOf(caseId, count);
    }

    synchronized boolean owns(int partition) {
        return indexes.containsKey(partition);
    }

    /**
     * Takes over {@code partition} with its loaded index, held until the consumer has handled the record before
     * offset {@code holdUntil} (null: not held, nothing to catch up with).
     */
    synchronized void assign(int partition, DueIndex index, Long holdUntil) {
        Map<String, Change> changed = loading.remove(partition);
        if (changed != null) {
            // Written while the partition loaded: the later of what the load read and what was written wins.
            changed.forEach((id, change) -> {
                ClockEntry loaded = index.get(id);
                if (loaded != null && loaded.version() > change.version()) {
                    return;
                }
                if (change.entry() == null) {
                    index.remove(id);
                } else {
                    index.put(change.entry());
                }
            });
        }
        indexes.put(partition, index);
        if (holdUntil == null) {
            heldUntil.remove(partition);
        } else {
            heldUntil.put(partition, holdUntil);
        }
        notifyAll();
    }

    /** Gives up partitions: their entries go (another instance loads them). */
    synchronized void revoke(Collection<Integer> revoked) {
        revoked.forEach(partition -> {
            indexes.remove(partition);
            loading.remove(partition);
            heldUntil.remove(partition);
        });
    }

    /** The partitions whose clocks this instance fires. */
    public synchronized Set<Integer> owned() {
        return Set.copyOf(indexes.keySet());
    }

    /** The consumer handled the record at {@code offset} of {@code partition}: a held partition may be released. */
    synchronized void reached(int partition, long offset) {
        Long until = heldUntil.get(partition);
        if (until != null && offset + 1 >= until) {
            heldUntil.remove(partition);
            notifyAll();
        }
    }

    synchronized boolean isHeld(int partition) {
        return heldUntil.containsKey(partition);
    }

    /** Due clocks of released partitions, at most {@code max}, taken out of the index. */
    synchronized List<ClockEntry> takeDue(Instant now, int max) {
        List<ClockEntry> taken = new ArrayList<>();
        for (Map.Entry<Integer, DueIndex> entry : indexes.entrySet()) {
            if (taken.size() >= max) {
                break;
            }
            if (!heldUntil.containsKey(entry.getKey())) {
                taken.addAll(entry.getValue().takeDue(now, max - taken.size()));
            }
        }
        return taken;
    }

    /** Entries that were not fired go back, unless the clock was indexed anew meanwhile. */
    synchronized void putBack(List<ClockEntry> entries) {
        entries.forEach(entry -> {
            DueIndex index = indexOf(entry);
            if (index != null) {
                index.putIfAbsent(entry);
            }
        });
    }

    /** Entries that follow fired ones (a clock warned of runs on to its next point or its due time). */
    synchronized void putNext(List<ClockEntry> entries) {
        entries.forEach(entry -> {
            DueIndex index = indexOf(entry);
            if (index != null) {
                index.put(entry);
            }
        });
    }

    private DueIndex indexOf(ClockEntry entry) {
        return partitions == 0 ? null : indexes.get(CasePartitioner.partitionOf(entry.caseId(), partitions));
    }

    /** The earliest time any released partition needs attention, or null. */
    synchronized Instant head() {
        Instant head = null;
        for (Map.Entry<Integer, DueIndex> entry : indexes.entrySet()) {
            Instant candidate = heldUntil.containsKey(entry.getKey()) ? null : entry.getValue().head();
            if (candidate != null && (head == null || candidate.isBefore(head))) {
                head = candidate;
            }
        }
        return head;
    }

    /** Waits at most {@code millis} for a change that may make something due sooner. */
    synchronized void awaitChange(long millis) throws InterruptedException {
        if (millis > 0) {
            wait(millis);
        }
    }

    synchronized int size() {
        return indexes.values().stream().mapToInt(DueIndex::size).sum();
    }
}
