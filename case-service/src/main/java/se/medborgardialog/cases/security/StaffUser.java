package se.medborgardialog.cases.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff member and the units whose cases they may see: the one principal every API endpoint and page
 * works with, whatever the login was (HTTP Basic for the API, the form login for the pages).
 *
 * <p>Its constructor is the one place where who someone is (a username, roles, units) becomes a {@code StaffUser}:
 * the development users of {@code cases.security.users} come through it, and an OIDC login (a later step) maps its
 * token's claims to the same three things and through the same constructor, so the pages and the API need not change
 * when the login does.
 */
public final class StaffUser implements UserDetails {

    private final String username;
    private final String password;
    private final List<GrantedAuthority> authorities;
    private final Set<String> units;

    /** @param roles OFFICER (handläggare), MANAGER (enhetschef), ADMINISTRATOR, without the {@code ROLE_} prefix */
    StaffUser(String username, String password, Set<String> roles, Set<String> units) {
        this.username = username;
        this.password = password;
        this.authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        this.units = Set.copyOf(units);
    }

    StaffUser(SecurityProperties.User user) {
        this(user.username(), user.password(), user.roles(), user.units());
    }

    public Set<String> units() {
        return units;
    }

    public boolean worksIn(String unit) {
        return units.contains(unit);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
