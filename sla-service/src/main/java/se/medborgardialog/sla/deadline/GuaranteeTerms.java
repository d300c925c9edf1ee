package se.medborgardialog.sla.deadline;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.guarantee.GuaranteeStore;

/**
 * A guarantee's terms at one version, from the versioned {@code guarantees} store, cached: a version never changes
 * once stored, so a cached copy never goes stale. A version not found is not cached (it may be stored later).
 */
@Component
public class GuaranteeTerms {

    private final GuaranteeStore store;
    private final ConcurrentMap<String, ClockTerms> cache = new ConcurrentHashMap<>();

    public GuaranteeTerms(GuaranteeStore store) {
        this.store = store;
    }

    public Optional<ClockTerms> find(String guaranteeId, int version) {
        String key = guaranteeId + ":" + version;
        ClockTerms cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ClockTerms> found = store.find(guaranteeId, version).map(g -> ClockTerms.of(g.guarantee()));
        found.ifPresent(terms -> cache.putIfAbsent(key, terms));
        return found.map(terms -> cache.getOrDefault(key, terms));
    }

    /** Whether {@code terms} are exactly its guarantee's stored version (so the id and version say all of them). */
    public boolean isStored(ClockTerms terms) {
        return terms != null && terms.guaranteeId() != null
                && find(terms.guaranteeId(), terms.guaranteeVersion()).filter(terms::equals).isPresent();
    }
}
