package se.medborgardialog.reporting.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.staff.StaffIdentity;
import se.medborgardialog.staff.StaffPrincipal;

/** Whose figures a signed-in reader may see: a statistician every unit's, a manager only her own units'. */
@Component
public class StaffDirectory {

    static final String STATISTICIAN = "STATISTICIAN";
    static final String MANAGER = "MANAGER";
    static final String ADMINISTRATOR = "ADMINISTRATOR";

    private final Map<String, StaffProperties.User> users;

    StaffDirectory(StaffProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(StaffProperties.User::username, Function.identity(), (a, b) -> a));
    }

    public UnitScope scopeOf(Authentication reader) {
        if (reader.getPrincipal() instanceof StaffIdentity identity) {
            return scopeOf(identity.roles(), identity.units());
        }
        if (reader.getPrincipal() instanceof StaffPrincipal signedIn) { // the pages' session
            return scopeOf(signedIn.roles(), signedIn.units());
        }
        StaffProperties.User user = users.get(reader.getName());
        if (user == null) {
            return UnitScope.only(Set.of());
        }
        return scopeOf(user.roles(), user.units());
    }

    private static UnitScope scopeOf(Collection<String> roles, Set<String> units) {
        if (roles.contains(STATISTICIAN)) {
            return UnitScope.all();
        }
        return roles.contains(MANAGER) ? UnitScope.only(units) : UnitScope.only(Set.of());
    }
}
