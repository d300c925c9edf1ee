package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The catalogue's store in memory, unique key included, for unit tests. */
public class InMemoryGuaranteeStore implements GuaranteeStore {

    private final Map<String, StoredGuarantee> stored = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger wholeReads = new AtomicInteger();

    @Override
    public boolean insert(StoredGuarantee guarantee) {
        return stored.putIfAbsent(guarantee.key(), guarantee) == null;
    }

    @Override
    public Optional<StoredGuarantee> find(String id, int version) {
        return Optional.ofNullable(stored.get(StoredGuarantee.key(id, version)));
    }

    @Override
    public List<StoredGuarantee> findAll() {
        wholeReads.incrementAndGet();
        return List.copyOf(stored.values());
    }

    @Override
    public long changes() {
        return changes.get();
    }

    @Override
    public void countChange() {
        changes.incrementAndGet();
    }

    /** How many times the whole catalogue was read. */
    public int wholeReads() {
        return wholeReads.get();
    }
}
