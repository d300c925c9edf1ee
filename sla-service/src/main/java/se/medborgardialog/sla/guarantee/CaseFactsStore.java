package se.medborgardialog.sla.guarantee;

import java.util.Optional;

/** The {@code case_facts} documents, one per case under its id. */
public interface CaseFactsStore {

    /**
     * Stores the facts of a newly opened case; a case already known keeps what it has (a duplicated CaseOpened).
     *
     * @return true when they were stored now, false when the case was known
     */
    boolean insertIfAbsent(CaseFacts facts);

    Optional<CaseFacts> find(String caseId);

    void save(CaseFacts facts);
}
