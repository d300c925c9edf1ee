package se.medborgardialog.intake.tracking;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What other features may read of the cases' public view ({@link CaseProgress}), by case id. */
@Component
public class CaseProgressLookup {

    private final CaseStatusStore store;

    CaseProgressLookup(CaseStatusStore store) {
        this.store = store;
    }

    /** The progress of each of these cases; a case nothing has been read about is missing. */
    public Map<String, CaseProgress> find(Collection<String> caseIds) {
        return store.findAll(caseIds).stream().map(CaseProgress::of)
                .collect(Collectors.toMap(CaseProgress::caseId, Function.identity()));
    }

    /** The unit that handles the case, once intake has read its {@code CaseOpened}. */
    public Optional<String> unitOf(String caseId) {
        return Optional.ofNullable(find(java.util.List.of(caseId)).get(caseId)).map(CaseProgress::unit);
    }
}
