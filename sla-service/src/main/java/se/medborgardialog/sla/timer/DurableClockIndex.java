package se.medborgardialog.sla.timer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.ClockIndexWriter;
import se.medborgardialog.sla.deadline.ClockListener;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.GuaranteeTerms;

/**
 * Writes the durable copy of the due index ({@link ClockIndexStore}) after every deadline write: each transition (as a
 * {@link ClockListener}, also when a redelivered event found the clock already changed, so a replay after a crash
 * rewrites an entry the crash lost) and each fold of fired clocks (before their firing records go). A clock that is not
 * running has no entry. Before the partition count is known (nothing assigned yet) the write cannot be placed: every
 * copy is then marked incomplete, and the next load rebuilds from the deadlines.
 */
@Component
class DurableClockIndex implements ClockListener, ClockIndexWriter {

    /** The start of an entry whose terms are not a stored guarantee version: the loader reads the deadline. */
    static final String BY_REFERENCE = "ref|";

    private final ClockIndexStore store;
    private final OwnedClocks owned;
    private final GuaranteeTerms guarantees;
    private final TimerProperties properties;

    DurableClockIndex(ClockIndexStore store, OwnedClocks owned, GuaranteeTerms guarantees, TimerProperties properties) {
        this.store = store;
        this.owned = owned;
        this.guarantees = guarantees;
        this.properties = properties;
    }

    @Override
    public void scheduled(Deadline deadline) {
        written(List.of(deadline));
    }

    /** One write of the buckets the deadlines touch, not one per deadline. */
    @Override
    public void scheduledAll(List<Deadline> deadlines) {
        if (!deadlines.isEmpty()) {
            written(deadlines);
        }
    }

    @Override
    public void written(Collection<Deadline> deadlines) {
        int partitions = owned.partitionCount();
        if (partitions == 0) {
            store.invalidate();
            return;
        }
        Map<String, String> changes = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        for (Deadline deadline : deadlines) {
            changes.put(deadline.id(), document(ClockEntry.of(deadline), guarantees));
            partitionOf.put(deadline.id(), CasePartitioner.partitionOf(deadline.caseId(), partitions));
        }
        store.write(partitions, properties.indexBuckets(), partitionOf, changes);
    }

    /** The stored form of an entry: {@link ClockEntry#toStored}, or a reference to its deadline; null for no entry. */
    static String document(ClockEntry entry, GuaranteeTerms guarantees) {
        if (entry == null) {
            return null;
        }
        String stored = entry.toStored(guarantees);
        return stored != null ? stored : BY_REFERENCE + entry.fireAtMillis() + "|" + entry.version();
    }
}
