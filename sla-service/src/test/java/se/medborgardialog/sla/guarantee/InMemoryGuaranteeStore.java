package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalogue's store in memory, unique key included, for unit tests. */
public class InMemoryGuaranteeStore implements GuaranteeStore {

    private final Map<String, StoredGuarantee> stored = new ConcurrentHashMap<>();

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
        return List.copyOf(stored.values());
    }
}
