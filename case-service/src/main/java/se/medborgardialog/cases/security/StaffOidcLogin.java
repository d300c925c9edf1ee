package se.medborgardialog.cases.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import se.medborgardialog.staff.StaffClaims;
import se.medborgardialog.staff.StaffIdentity;

/**
 * The pages' login with the municipality's OIDC provider (Keycloak's {@code medborgardialog-staff} client in
 * docker-compose.yml): Spring Security runs the authorization code flow with PKCE, checks the ID token, and this turns
 * its claims (and the user info's) into a {@link StaffUser} by the same {@link StaffIdentity} rule the API reads bearer
 * tokens with, so a user has the same roles and units on the pages as in the API.
 */
final class StaffOidcLogin {

    private StaffOidcLogin() {
    }

    static OAuth2UserService<OidcUserRequest, OidcUser> users(StaffClaims claims) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser signedIn = provider.loadUser(request);
            try {
                return new StaffUser(StaffIdentity.fromClaims(signedIn.getClaims(), claims), signedIn.getIdToken(),
                        signedIn.getUserInfo());
            } catch (IllegalArgumentException namesNobody) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                        "The provider's token names no user (" + claims.username() + ")", null));
            }
        };
    }

    /** The ids of the configured registrations, e.g. {@code keycloak}: the login page offers each. */
    static List<String> registrationIds(ClientRegistrationRepository registrations) {
        List<String> ids = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                ids.add(((ClientRegistration) registration).getRegistrationId());
            }
        }
        return ids;
    }
}
