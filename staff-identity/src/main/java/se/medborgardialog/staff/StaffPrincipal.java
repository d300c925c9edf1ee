package se.medborgardialog.staff;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A signed-in staff member as Spring Security's principal, made from a {@link StaffIdentity} whatever the login was:
 * a bearer token, a development user's password ({@link UserDetails}), or the pages' OIDC login ({@link OidcUser},
 * carrying the ID token Spring Security needs to end the provider's session). A service subclasses it as its own
 * principal type, so its controllers take {@code @AuthenticationPrincipal} of that type and read roles and units from
 * it, never from a configuration.
 */
public abstract class StaffPrincipal implements UserDetails, OidcUser, CredentialsContainer {

    // the identity's parts, not the record itself: a principal kept in a session must be serializable
    private final String username;
    private final Set<String> roles;
    private final Set<String> units;
    private final List<GrantedAuthority> authorities;
    private String password;
    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    /**
     * @param password only a development user's, with its encoder id; null after a token or the provider's login
     * @param idToken  only after the pages' OIDC login, with the provider's user info (may be null)
     */
    protected StaffPrincipal(StaffIdentity identity, String password, OidcIdToken idToken, OidcUserInfo userInfo) {
        this.username = identity.username();
        this.roles = identity.roles();
        this.units = identity.units();
        this.authorities = identity.authorities();
        this.password = password;
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    /** The roles without Spring's prefix, upper case: {@code REPORTER}, {@code LEX_SARAH}. */
    public Set<String> roles() {
        return roles;
    }

    /** The units (enheter) the staff member works in; empty for none. */
    public Set<String> units() {
        return units;
    }

    public boolean worksIn(String unit) {
        return units.contains(unit);
    }

    /** True after the pages' OIDC login, which a session keeps and logging out ends. */
    public boolean signedInWithProvider() {
        return idToken != null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    /** Spring Security forgets a development user's password once it has been checked. */
    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** The user name, as events, history and audit entries name people, however they signed in. */
    @Override
    public String getName() {
        return username;
    }

    /** The ID token's and user info's claims after the pages' OIDC login; otherwise just the user name. */
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
