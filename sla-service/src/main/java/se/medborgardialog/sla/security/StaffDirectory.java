package se.medborgardialog.sla.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import se.medborgardialog.staff.StaffIdentity;

/** Which units a signed-in staff member may see. */
@Component
public class StaffDirectory {

    private final Map<String, Set<String>> unitsByUser;

    StaffDirectory(StaffProperties properties) {
        this.unitsByUser = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(StaffProperties.User::username,
                        user -> Set.copyOf(user.units()), (a, b) -> a));
    }

    public Set<String> unitsOf(String username) {
        return unitsByUser.getOrDefault(username, Set.of());
    }

    public boolean maySee(String username, String unit) {
        return unit != null && unitsOf(username).contains(unit);
    }

    /** A token's user by the token's units, a development user by the configured ones. */
    public boolean maySee(Authentication user, String unit) {
        if (user.getPrincipal() instanceof StaffIdentity identity) {
            return unit != null && identity.units().contains(unit);
        }
        return maySee(user.getName(), unit);
    }

}
