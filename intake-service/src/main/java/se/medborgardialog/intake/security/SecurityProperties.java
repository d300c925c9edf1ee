package se.medborgardialog.intake.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff users allowed to log in ({@code intake.security.users}). Passwords carry their encoding id,
 * e.g. {@code {noop}} for the local stack's development users or {@code {bcrypt}} elsewhere.
 */
@ConfigurationProperties("intake.security")
public record SecurityProperties(List<StaffUser> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** The units configured for this user; empty for an unknown user or one without units. */
    public Set<String> unitsOf(String username) {
        return users.stream()
                .filter(staff -> staff.username().equals(username))
                .flatMap(staff -> staff.units().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @param units the units (verksamheter) the user works in, e.g. {@code omsorg}; optional, empty when none */
    public record StaffUser(String username, String password, List<String> roles, List<String> units) {

        public StaffUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
            units = units == null ? List.of() : List.copyOf(units);
        }
    }
}
