package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Firings the timer published and recorded ({@link Firing}, {@code deadline_firings}) that the deadline documents do
 * not show yet, per clock, for the clocks this instance owns. They are folded into the documents lazily, in batches
 * ({@link FiringFolder}), and at once before anything else changes such a clock ({@link #foldNow}), so a late answer
 * after a breach is recorded as answered late, never as met after a published breach. Reads of a case's clocks show
 * them folded ({@link #view}).
 *
 * <p>{@link #lock()} is held by the timer while it fires a batch (take, publish, record) and by every transition of a
 * clock: a clock is never changed between its publication and its record.
 */
@Component
public class PendingFirings {

    private static final Logger log = LoggerFactory.getLogger(PendingFirings.class);
    private static final int MAX_ATTEMPTS = 5;

    private final DeadlineStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, List<Firing>> byClock = new ConcurrentHashMap<>();
    private final List<Firing> unrecorded = new ArrayList<>();
    private volatile long lastRecordedNanos = System.nanoTime();

    private final List<ClockIndexWriter> indexWriters;

    /** Without a durable copy of the due index to keep (tests). */
    public PendingFirings(DeadlineStore store) {
        this(store, List.of());
    }

    /** @param indexWriters told of every fold written, before its records go (the durable copy of the due index) */
    @org.springframework.beans.factory.annotation.Autowired
    PendingFirings(DeadlineStore store, List<ClockIndexWriter> indexWriters) {
        this.store = store;
        this.indexWriters = List.copyOf(indexWriters);
    }

    /** Whether this instance has firings of this clock not yet folded. */
    public boolean hasPending(String deadlineId) {
        return byClock.containsKey(deadlineId);
    }

    /** Held while firing a batch and while changing a clock. */
    public ReentrantLock lock() {
        return lock;
    }

    /**
     * The broker acknowledged these firings: they are pending here at once (the consumer folds them before changing
     * their clocks), and queued for their records, which {@link #writeRecords} inserts off the firing path.
     */
    void recorded(List<Firing> firings) {
        if (firings.isEmpty()) {
            return;
        }
        firings.forEach(this::add);
        lastRecordedNanos = System.nanoTime();
        synchronized (unrecorded) {
            unrecorded.addAll(firings);
        }
    }

    /**
     * Inserts the queued records in one batched insert: by the folder's thread right after a batch fired, and before
     * partitions are given up ({@link #flush}), so their next owner finds them. A crash before the insert loses them:
     * the next owner fires those clocks again, with the same event ids (duplicates consumers drop).
     */
    synchronized int writeRecords() {
        List<Firing> batch;
        synchronized (unrecorded) {
            if (unrecorded.isEmpty()) {
                return 0;
            }
            batch = new ArrayList<>(unrecorded);
            unrecorded.clear();
        }
        try {
            store.insertFirings(batch);
        } catch (RuntimeException e) {
            synchronized (unrecorded) {
                unrecorded.addAll(0, batch);
            }
            throw e;
        }
        return batch.size();
    }

    /** Every queued record written, now (partitions given up, shutdown). */
    public void flush() {
        try {
            writeRecords();
        } catch (RuntimeException e) {
            log.warn("Recording firings failed: their clocks fire again at their next owner (same ids): {}", e.toString());
        }
    }

    private void add(Firing firing) {
        byClock.merge(firing.deadlineId(), List.of(firing), (before, added) -> {
            if (before.stream().anyMatch(f -> f.eventId().equals(firing.eventId()))) {
                return before;
            }
            List<Firing> both = new ArrayList<>(before);
            both.addAll(added);
            return List.copyOf(both);
        });
    }

    /**
     * Loads the stored firing records of the cases {@code owned} accepts (on assignment, before the due index is
     * loaded, so what another instance or an earlier run fired is not fired again). Returns how many.
     */
    public int load(Predicate<String> owned) {
        int loaded = 0;
        for (Firing firing : store.findFirings()) {
            if (owned.test(caseIdOf(firing.deadlineId()))) {
                add(firing);
                loaded++;
            }
        }
        return loaded;
    }

    /** Forgets the firings of the cases {@code revoked} accepts (their partitions' new owner loads them). */
    public void forget(Predicate<String> revoked) {
        byClock.keySet().removeIf(id -> revoked.test(caseIdOf(id)));
    }

    /** The deadline with this instance's pending firings of it folded in, as it will be stored. */
    public Deadline folded(Deadline deadline) {
        List<Firing> pending = byClock.get(deadline.id());
        return pending == null ? deadline : fold(deadline, pending).orElse(deadline);
    }

    /**
     * The deadline as a reader should see it at {@code now}: with the pending firings of this instance, and with a
     * breach another instance recorded but has not folded yet.
     */
    Deadline view(Deadline deadline, Instant now) {
        Deadline folded = folded(deadline);
        if (folded.isOverdueAt(now)) {
            Optional<Firing> breach = store.findFiring(Deadline.eventId(folded.caseId(), folded.clock(), PendingEvent.Kind.BREACHED));
            if (breach.isPresent()) {
                return fold(folded, List.of(breach.get())).orElse(folded);
            }
        }
        return folded;
    }

    /** Whether this clock's breach is recorded as published (by any instance) and not yet folded. */
    boolean breachRecorded(Deadline deadline) {
        String eventId = Deadline.eventId(deadline.caseId(), deadline.clock(), PendingEvent.Kind.BREACHED);
        List<Firing> pending = byClock.get(deadline.id());
        return (pending != null && pending.stream().anyMatch(f -> f.eventId().equals(eventId)))
                || store.findFiring(eventId).isPresent();
    }

    /** Before a clock changes: its pending firings are written into it, and their records go. Under {@link #lock()}. */
    void foldNow(String deadlineId) {
        List<Firing> pending = byClock.get(deadlineId);
        if (pending == null) {
            return;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Deadline> current = store.find(deadlineId);
            Optional<Deadline> folded = current.flatMap(d -> fold(d, pending));
            if (folded.isEmpty() || store.replace(current.get(), folded.get())) {
                folded.ifPresent(d -> indexWriters.forEach(w -> w.written(List.of(d))));
                done(deadlineId, pending);
                return;
            }
        }
        throw new OptimisticLockingFailureException("Deadline " + deadlineId + " kept changing while its firings were folded");
    }

    /**
     * Folds the pending firings of up to {@code max} clocks: one read by id, one bulk of conditional writes, one
     * removal of their records. A clock written meanwhile is left for the next batch. Returns how many were folded.
     */
    int foldBatch(int max) {
        Map<String, List<Firing>> batch = new java.util.HashMap<>();
        for (Map.Entry<String, List<Firing>> entry : byClock.entrySet()) {
            if (batch.size() >= max) {
                break;
            }
            batch.put(entry.getKey(), entry.getValue());
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Set<String> done = new HashSet<>(batch.keySet());
        List<DeadlineStore.Change> changes = new ArrayList<>();
        for (Deadline current : store.findAll(batch.keySet())) {
            fold(current, batch.get(current.id())).ifPresent(next -> changes.add(new DeadlineStore.Change(current, next)));
        }
        changes.forEach(change -> done.remove(change.current().id()));
        Set<String> written = store.replaceAll(changes);
        done.addAll(written);
        List<Deadline> folded = changes.stream().map(DeadlineStore.Change::next).filter(d -> written.contains(d.id())).toList();
        if (!folded.isEmpty()) {
            indexWriters.forEach(w -> w.written(folded));
        }
        List<String> eventIds = new ArrayList<>();
        done.forEach(id -> batch.get(id).forEach(f -> eventIds.add(f.eventId())));
        store.deleteFirings(eventIds);
        done.forEach(id -> byClock.remove(id, batch.get(id)));
        return done.size();
    }

    private void done(String deadlineId, List<Firing> pending) {
        store.deleteFirings(pending.stream().map(Firing::eventId).toList());
        byClock.remove(deadlineId, pending);
    }

    /** Nanoseconds since the timer last recorded firings. */
    long quietNanos() {
        return System.nanoTime() - lastRecordedNanos;
    }

    int size() {
        return byClock.size();
    }

    /** {@code firings} applied to {@code deadline} in the order they fired; nothing when none changes it. */
    static Optional<Deadline> fold(Deadline deadline, List<Firing> firings) {
        Set<String> published = new HashSet<>();
        firings.forEach(f -> published.add(f.eventId()));
        Deadline current = deadline;
        boolean changed = false;
        for (Firing firing : firings.stream().sorted(Comparator.comparing(Firing::firedAt)).toList()) {
            Optional<Deadline> next = current.fired(firing.firedAt(), published);
            if (next.isPresent()) {
                current = next.get();
                changed = true;
            }
        }
        return changed ? Optional.of(current) : Optional.empty();
    }

    private static String caseIdOf(String deadlineId) {
        int colon = deadlineId.indexOf(':');
        return colon < 0 ? deadlineId : deadlineId.substring(0, colon);
    }
}
