package se.medborgardialog.sla.guarantee;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code case_facts} documents, one per case under its id. */
public interface CaseFactsStore {

    /**
     * Stores the facts of a newly opened case; a case already known keeps what it has (a duplicated CaseOpened).
     *
     * @return true when they were stored now, false when the case was known
     */
    boolean insertIfAbsent(CaseFacts facts);

    /**
     * {@link #insertIfAbsent} for the newly opened cases of a poll, at once (the cases' ids distinct).
     *
     * @return the ids of the cases whose facts were stored now; the others were known
     */
    default Set<String> insertAllIfAbsent(List<CaseFacts> facts) {
        Set<String> stored = new LinkedHashSet<>();
        facts.stream().filter(this::insertIfAbsent).forEach(known -> stored.add(known.caseId()));
        return stored;
    }

    Optional<CaseFacts> find(String caseId);

    void save(CaseFacts facts);
}
