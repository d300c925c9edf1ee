package se.medborgardialog.cases.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import se.medborgardialog.staff.StaffIdentity;

/** A signed-in staff member and the units whose cases they may see. */
public final class StaffUser implements UserDetails {

    private final String username;
    private final String password;
    private final List<GrantedAuthority> authorities;
    private final Set<String> units;

    StaffUser(SecurityProperties.User user) {
        this.username = user.username();
        this.password = user.password();
        this.authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        this.units = user.units();
    }

    /** A user signed in with the OIDC provider's token: no password here. */
    StaffUser(StaffIdentity identity) {
        this.username = identity.username();
        this.password = null;
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
