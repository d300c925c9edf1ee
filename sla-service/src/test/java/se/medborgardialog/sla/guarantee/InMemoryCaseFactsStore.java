package se.medborgardialog.sla.guarantee;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The case facts in memory, for unit tests. */
public class InMemoryCaseFactsStore implements CaseFactsStore {

    private final Map<String, CaseFacts> facts = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(CaseFacts known) {
        return facts.putIfAbsent(known.caseId(), known) == null;
    }

    @Override
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(facts.get(caseId));
    }

    @Override
    public void save(CaseFacts known) {
        facts.put(known.caseId(), known);
    }
}
