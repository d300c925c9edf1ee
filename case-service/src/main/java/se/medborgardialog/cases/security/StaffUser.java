package se.medborgardialog.cases.security;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import se.medborgardialog.staff.StaffIdentity;
import se.medborgardialog.staff.StaffPrincipal;

/**
 * A signed-in staff member and the units whose cases they may see: the one principal every API endpoint and page
 * works with, whatever the login was (a bearer token or HTTP Basic for the API; the provider's login or, without one,
 * the development users' form for the pages).
 *
 * <p>Who someone is becomes a {@code StaffUser} in one place: a {@link StaffIdentity} (user name, roles, units), read
 * by the shared rule of {@code staff-identity} from an OIDC token's claims, from the pages' ID token, or, for the
 * development users of {@code cases.security.users}, from the configuration; so neither the pages nor the API change
 * when the login does.
 */
public final class StaffUser extends StaffPrincipal {

    /** A user signed in with the OIDC provider's token: no password here. */
    StaffUser(StaffIdentity identity) {
        super(identity, null, null, null);
    }

    /** A development user, who signs in with the password of the configuration. */
    StaffUser(SecurityProperties.User user) {
        super(new StaffIdentity(user.username(), user.roles(), user.units()), user.password(), null, null);
    }

    /** A user signed in to the pages with the OIDC provider: who they are is read from its ID token and user info. */
    StaffUser(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(identity, null, idToken, userInfo);
    }
}
