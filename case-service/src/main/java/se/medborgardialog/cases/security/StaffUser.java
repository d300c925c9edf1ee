package se.medborgardialog.cases.security;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import se.medborgardialog.staff.StaffIdentity;

/**
 * A signed-in staff member and the units whose cases they may see: the one principal every API endpoint and page
 * works with, whatever the login was (a bearer token or HTTP Basic for the API, the form login for the pages).
 *
 * <p>Who someone is becomes a {@code StaffUser} in one place: a {@link StaffIdentity} (user name, roles, units), read
 * from an OIDC token's claims or, for the development users of {@code cases.security.users}, from the configuration.
 * The pages' OIDC login maps its ID token the same way (and so this is also an {@link OidcUser}), so neither the pages
 * nor the API change when the login does.
 */
public final class StaffUser implements UserDetails, OidcUser {

    private final String username;
    private final String password;
    private final List<GrantedAuthority> authorities;
    private final Set<String> units;
    /** Only after the pages' OIDC login: what the provider said, for Spring Security's logout at the provider. */
    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    /** A user signed in with the OIDC provider's token: no password here. */
    StaffUser(StaffIdentity identity) {
        this(identity, null, null, null);
    }

    /** A development user, who signs in with the password of the configuration. */
    StaffUser(SecurityProperties.User user) {
        this(new StaffIdentity(user.username(), user.roles(), user.units()), user.password(), null, null);
    }

    /** A user signed in to the pages with the OIDC provider: who they are is read from its ID token and user info. */
    StaffUser(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo) {
        this(identity, null, idToken, userInfo);
    }

    private StaffUser(StaffIdentity identity, String password, OidcIdToken idToken, OidcUserInfo userInfo) {
        this.username = identity.username();
        this.password = password;
        this.authorities = identity.authorities();
        this.units = identity.units();
        this.idToken = idToken;
        this.userInfo = userInfo;
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

    /** The user name, as history and audit entries name people, however they signed in. */
    @Override
    public String getName() {
        return username;
    }

    /** The ID token's and user info's claims after an OIDC login; otherwise just the user name. */
    @Override
    public Map<String, Object> getClaims() {
        if (idToken == null) {
            return Map.of("preferred_username", username);
        }
        Map<String, Object> claims = new HashMap<>(idToken.getClaims());
        if (userInfo != null) {
            claims.putAll(userInfo.getClaims());
        }
        return Collections.unmodifiableMap(claims);
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    /** Null unless the user signed in to the pages with the OIDC provider. */
    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }
}
