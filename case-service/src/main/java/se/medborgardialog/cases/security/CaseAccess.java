package se.medborgardialog.cases.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.LegalFlow;

/**
 * Who may see a case: staff of its unit and, for an avvikelse, only those with the role of the flow's law
 * ({@code LEX_SARAH}, {@code LEX_MARIA}, {@code SKOLLAGEN} for kränkande behandling and skolklagomål). Everyone else
 * is told the case does not exist, as for another unit's case.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** The role that opens an avvikelse of this flow. */
    public static String lawRole(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "LEX_SARAH";
            case LEX_MARIA -> "LEX_MARIA";
            case KRANKANDE_BEHANDLING, SKOLKLAGOMAL -> "SKOLLAGEN";
        };
    }

    public static boolean maySee(StaffUser user, Case aCase) {
        return maySee(user.units(), user.getAuthorities(), aCase);
    }

    /**
     * For code that is handed only the caller's units (the case commands, the queues): the roles are those of the
     * user the request is signed in as; without one, no avvikelse is visible.
     */
    public static boolean maySee(Collection<String> units, Case aCase) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return maySee(units, signedIn == null ? Set.of() : signedIn.getAuthorities(), aCase);
    }

    static boolean maySee(Collection<String> units, Collection<? extends GrantedAuthority> authorities, Case aCase) {
        if (!units.contains(aCase.unit())) {
            return false;
        }
        Optional<LegalFlow> flow = aCase.caseType() == CaseType.AVVIKELSE
                ? Optional.ofNullable(aCase.legalFlow()) : Optional.empty();
        return flow.map(law -> roles(authorities).contains(lawRole(law))).orElse(true);
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
