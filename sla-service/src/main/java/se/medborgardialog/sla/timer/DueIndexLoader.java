package se.medborgardialog.sla.timer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStore;
import se.medborgardialog.sla.deadline.GuaranteeTerms;
import se.medborgardialog.sla.deadline.PendingFirings;

/** Loads the due index of newly assigned partitions (see {@link #load}). */
@Component
class DueIndexLoader {

    private static final Logger log = LoggerFactory.getLogger(DueIndexLoader.class);
    private static final int PAGE = 1000;

    private final OwnedClocks owned;
    private final DeadlineStore store;
    private final PendingFirings firings;
    private final ClockIndexStore index;
    private final GuaranteeTerms guarantees;
    private final TimerProperties properties;

    DueIndexLoader(OwnedClocks owned, DeadlineStore store, PendingFirings firings, ClockIndexStore index,
                   GuaranteeTerms guarantees, TimerProperties properties) {
        this.owned = owned;
        this.store = store;
        this.firings = firings;
        this.index = index;
        this.guarantees = guarantees;
        this.properties = properties;
    }

    /**
     * The partitions' firing records first (what an earlier owner or run published and the store does not show yet),
     * then their running clocks from the durable copy of the due index, a page of buckets at a time (a partition whose
     * copy is not complete is read from the deadlines in one pass, and its copy rebuilt); a clock with firing records,
     * or whose terms the copy does not hold, is read from its deadline with the records folded in (a breach recorded is
     * not indexed again). Clocks written meanwhile (the folder, another thread) are applied over what was loaded, the
     * later version winning. The partitions' clocks fire once all of them are loaded (held until then, as while the
     * consumer catches up).
     */
    public void load(Map<Integer, Long> holdUntil) {
        long started = System.nanoTime();
        int partitions = owned.partitionCount();
        int buckets = properties.indexBuckets();
        Map<Integer, DueIndex> indexes = new HashMap<>();
        holdUntil.keySet().forEach(partition -> indexes.put(partition, new DueIndex()));
        owned.loading(indexes.keySet());
        int recorded = firings.load(caseId -> indexes.containsKey(owned.partitionOf(caseId)));
        List<Integer> rebuild = new ArrayList<>();
        List<String> byReference = new ArrayList<>();
        int[] read = {0};
        for (Map.Entry<Integer, DueIndex> partition : indexes.entrySet()) {
            if (!index.complete(partitions, partition.getKey(), buckets)) {
                rebuild.add(partition.getKey());
                continue;
            }
            DueIndex due = partition.getValue();
            index.load(partitions, partition.getKey(), buckets, (id, document) -> {
                read[0]++;
                ClockEntry entry = document.startsWith(DurableClockIndex.BY_REFERENCE) || firings.hasPending(id) ? null
                        : ClockEntry.fromStored(id, document, guarantees);
                if (entry == null) {
                    byReference.add(id);
                } else {
                    due.put(entry);
                }
            });
        }
        for (int from = 0; from < byReference.size(); from += PAGE) {
            for (Deadline deadline : store.findAll(byReference.subList(from, Math.min(byReference.size(), from + PAGE)))) {
                ClockEntry entry = ClockEntry.of(firings.folded(deadline));
                if (entry != null) {
                    indexes.get(owned.partitionOf(deadline.caseId())).put(entry);
                }
            }
        }
        if (!rebuild.isEmpty()) {
            read[0] += rebuildFromDeadlines(partitions, buckets, rebuild, indexes);
        }
        if (recorded > 0) {
            log.info("Loaded {} firing record(s) not yet folded for partitions {}", recorded, List.copyOf(holdUntil.keySet()));
        }
        indexes.forEach((partition, due) -> owned.assign(partition, due, holdUntil.get(partition)));
        log.info("Loaded {} of {} running clock(s) for partitions {} in {} ms ({} from the deadlines)",
                indexes.values().stream().mapToInt(DueIndex::size).sum(), read[0], List.copyOf(holdUntil.keySet()),
                (System.nanoTime() - started) / 1_000_000, rebuild.isEmpty() ? "none" : rebuild);
    }

    /** One pass over the running deadlines for partitions without a complete copy; their copies are written anew. */
    private int rebuildFromDeadlines(int partitions, int buckets, List<Integer> rebuild, Map<Integer, DueIndex> indexes) {
        Map<Integer, Map<String, String>> copies = new HashMap<>();
        rebuild.forEach(partition -> copies.put(partition, new HashMap<>()));
        int[] scanned = {0};
        store.forEachRunning(deadline -> {
            scanned[0]++;
            int partition = owned.partitionOf(deadline.caseId());
            Map<String, String> copy = copies.get(partition);
            if (copy != null) {
                ClockEntry entry = ClockEntry.of(firings.folded(deadline));
                if (entry != null) {
                    indexes.get(partition).put(entry);
                    copy.put(entry.id(), DurableClockIndex.document(entry, guarantees));
                }
            }
        });
        copies.forEach((partition, copy) -> index.rebuild(partitions, partition, buckets, copy));
        log.info("Rebuilt the durable due index of partitions {} from {} running clock(s)", rebuild, scanned[0]);
        return scanned[0];
    }
}
