package se.medborgardialog.sla.timer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.deadline.CaseEventsProgress;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.DeadlineStore;
import se.medborgardialog.sla.deadline.PendingFirings;

/**
 * Ownership by partition: the instance that consumes partition p of the cases topic fires the clocks of the cases
 * keyed to p. On assignment it seeks each partition back to its checkpoint (so writes a crash lost are made again:
 * every transition is idempotent), loads the partitions' running clocks into the due index in one pass over the
 * store, and holds them until the consumer has caught up with what was on the partition at assignment; on
 * revocation it drops them, after any batch being fired.
 */
@Component
class CasePartitions implements KafkaBindingRebalanceListener, CaseEventsProgress {

    private static final Logger log = LoggerFactory.getLogger(CasePartitions.class);
    static final String BINDING = "caseEvents-in-0";

    private final OwnedClocks owned;
    private final ClockTimer timer;
    private final CaseCheckpoints checkpoints;
    private final DeadlineStore store;
    private final PendingFirings firings;

    CasePartitions(OwnedClocks owned, ClockTimer timer, CaseCheckpoints checkpoints, DeadlineStore store,
                   PendingFirings firings) {
        this.firings = firings;
        this.owned = owned;
        this.timer = timer;
        this.checkpoints = checkpoints;
        this.store = store;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
                                                Collection<TopicPartition> partitions) {
        if (!BINDING.equals(bindingName) || partitions.isEmpty()) {
            return;
        }
        Set<Integer> revoked = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        timer.firingLock().lock();
        try {
            firings.flush();
            firings.forget(caseId -> revoked.contains(owned.partitionOf(caseId)));
            owned.revoke(revoked);
        } finally {
            timer.firingLock().unlock();
        }
        log.info("Partitions {} revoked: their clocks are no longer fired here", revoked);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                     boolean initial) {
        if (!BINDING.equals(bindingName) || partitions.isEmpty()) {
            return;
        }
        String topic = partitions.iterator().next().topic();
        owned.partitionCount(consumer.partitionsFor(topic).size());
        Map<TopicPartition, Long> ends = endOffsets(consumer, partitions);
        Map<Integer, Long> holdUntil = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OptionalLong checkpoint = checkpoints.next(partition.topic(), partition.partition());
            if (checkpoint.isPresent()) {
                consumer.seek(partition, checkpoint.getAsLong());
            }
            long from = checkpoint.isPresent() ? checkpoint.getAsLong() : consumer.position(partition);
            if (checkpoint.isEmpty()) {
                // A first checkpoint at once: records handled later and then lost by the store are replayed from
                // here, not skipped because Kafka's committed offset moved past them.
                checkpoints.startAt(partition.topic(), partition.partition(), from);
            }
            long end = ends.getOrDefault(partition, 0L);
            holdUntil.put(partition.partition(), from < end ? end : null);
            log.info("Partition {} assigned: consuming from offset {} ({}), end {}", partition, from,
                    checkpoint.isPresent() ? "checkpoint" : "committed", end);
        }
        load(holdUntil);
    }

    private static Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions).forEach(ends::put);
        return ends;
    }

    /**
     * The partitions' firing records first (what an earlier owner or run published and the store does not show yet),
     * then one pass over the running clocks, keeping those of the given partitions as the records leave them (a breach
     * recorded is not indexed again); then they are owned.
     */
    private void load(Map<Integer, Long> holdUntil) {
        long started = System.nanoTime();
        Map<Integer, DueIndex> indexes = new HashMap<>();
        holdUntil.keySet().forEach(partition -> indexes.put(partition, new DueIndex()));
        int recorded = firings.load(caseId -> indexes.containsKey(owned.partitionOf(caseId)));
        int[] scanned = {0};
        store.forEachRunning(deadline -> {
            scanned[0]++;
            DueIndex index = indexes.get(owned.partitionOf(deadline.caseId()));
            if (index != null) {
                ClockEntry entry = ClockEntry.of(firings.folded(deadline));
                if (entry != null) {
                    index.put(entry);
                }
            }
        });
        if (recorded > 0) {
            log.info("Loaded {} firing record(s) not yet folded for partitions {}", recorded, List.copyOf(holdUntil.keySet()));
        }
        indexes.forEach((partition, index) -> owned.assign(partition, index, holdUntil.get(partition)));
        log.info("Loaded {} of {} running clock(s) for partitions {} in {} ms", indexes.values().stream().mapToInt(DueIndex::size).sum(),
                scanned[0], List.copyOf(holdUntil.keySet()), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void handled(String topic, int partition, long offset, boolean applied) {
        if (applied) {
            checkpoints.written(topic, partition, offset);
        }
        owned.reached(partition, offset);
    }
}
