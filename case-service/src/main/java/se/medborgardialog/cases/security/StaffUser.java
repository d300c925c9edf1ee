package se.medborgardialog.cases.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import se.medborgardialog.staff.StaffIdentity;

/**
 * A signed-in staff member and the units whose cases they may see: the one principal every API endpoint and page
 * works with, whatever the login was (a bearer token or HTTP Basic for the API, the form login for the pages).
 *
 * <p>Who someone is becomes a {@code StaffUser} in one place: a {@link StaffIdentity} (user name, roles, units), read
 * from an OIDC token's claims or, for the development users of {@code cases.security.users}, from the configuration.
 * An OIDC login for the pages (a later step) maps its ID token the same way, so neither the pages nor the API change
 * when the login does.
 */
public final class StaffUser implements UserDetails {

    private final String username;
    private final String password;
    private final List<GrantedAuthority> authorities;
    private final Set<String> units;

    /** A user signed in with the OIDC provider's token: no password here. */
    StaffUser(StaffIdentity identity) {
        this(identity, null);
    }

    /** A development user, who signs in with the password of the configuration. */
    StaffUser(SecurityProperties.User user) {
        this(new StaffIdentity(user.username(), user.roles(), user.units()), user.password());
    }

    private StaffUser(StaffIdentity identity, String password) {
        this.username = identity.username();
        this.password = password;
        this.authorities = identity.authorities();
        this.units = identity.units();
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
