package se.medborgardialog.sla.guarantee;

import java.util.Set;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * Which cases a guarantee covers. Each set narrows the cases; an empty set means any.
 *
 * @param kinds      synpunkt kinds; a case without a kind (not a synpunkt) is covered only when this is empty
 * @param categories category ids, e.g. {@code gatubelysning}
 */
public record Coverage(Set<CaseType> caseTypes, Set<SynpunktKind> kinds, Set<String> categories, Set<String> units,
        Set<LegalFlow> legalFlows, Set<Channel> channels) {

    public static final Coverage ANY = new Coverage(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Coverage {
        caseTypes = caseTypes == null ? Set.of() : Set.copyOf(caseTypes);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        units = units == null ? Set.of() : Set.copyOf(units);
        legalFlows = legalFlows == null ? Set.of() : Set.copyOf(legalFlows);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    public boolean matches(CaseFacts facts) {
        return matches(caseTypes, facts.caseTypeOrSynpunkt())
                && matches(kinds, facts.kind())
                && matches(categories, facts.category())
                && matches(units, facts.unit())
                && matches(legalFlows, facts.legalFlow())
                && matches(channels, facts.channel());
    }

    private static <T> boolean matches(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
