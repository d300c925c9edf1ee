package se.medborgardialog.intake.security;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import se.medborgardialog.staff.StaffIdentity;
import se.medborgardialog.staff.StaffPrincipal;

/**
 * A signed-in staff member: the one principal intake's staff endpoints and pages work with, whatever the login was
 * (the OIDC provider's bearer token or a development user's password for the API; the provider's login or, without
 * one, the browser's HTTP Basic for the pages). Controllers take it with {@code @AuthenticationPrincipal StaffUser}
 * and read the roles and units from it, never from the configuration, so a token's units are the ones that count.
 *
 * <p>It is made here only, always from a {@link StaffIdentity}: read from a token's claims by the shared rule of
 * {@code staff-identity}, or, for the development users of {@code intake.security.users}, from the configuration.
 */
public final class StaffUser extends StaffPrincipal {

    private StaffUser(StaffIdentity identity, String password, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(identity, password, idToken, userInfo);
    }

    /** Signed in with the provider's bearer token: who they are is the token's. */
    static StaffUser ofToken(StaffIdentity identity) {
        return new StaffUser(identity, null, null, null);
    }

    /** A development user, who signs in with the configured password. */
    static StaffUser ofDevelopmentUser(SecurityProperties.User user) {
        return new StaffUser(new StaffIdentity(user.username(), user.roles(), user.units()), user.password(), null,
                null);
    }

    /** Signed in to the pages with the provider: who they are is read from its ID token and user info. */
    static StaffUser ofOidcLogin(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo) {
        return new StaffUser(identity, null, idToken, userInfo);
    }
}
