package se.medborgardialog.staff;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in staff member as the services see them: user name, roles (upper case, {@code lex-sarah} becomes
 * {@code LEX_SARAH}) and units. A unit's name is used as given ({@code stadsmiljo}); a group path's last part counts
 * ({@code /enheter/stadsmiljo} is {@code stadsmiljo}), so a realm may send full group paths.
 */
public record StaffIdentity(String username, Set<String> roles, Set<String> units) {

    public StaffIdentity {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    /**
     * Reads the identity from a token's claims.
     *
     * @throws IllegalArgumentException when the user name claim is missing: such a token identifies nobody
     */
    public static StaffIdentity fromClaims(Map<String, Object> claims, StaffClaims where) {
        Object username = at(claims, where.username());
        if (!(username instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("The token has no " + where.username() + " claim");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : strings(at(claims, where.roles()))) {
            roles.add(role.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        Set<String> units = new LinkedHashSet<>();
        for (String unit : strings(at(claims, where.units()))) {
            String trimmed = unit.trim();
            units.add(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
        units.remove("");
        return new StaffIdentity(name, roles, units);
    }

    /** {@code ROLE_OFFICER} and so on, as Spring Security's {@code hasRole} expects. */
    public List<GrantedAuthority> authorities() {
        return roles.stream().sorted().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private static Object at(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String single) {
            return List.of(single.split("[ ,]+"));
        }
        if (value instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
