package se.medborgardialog.staff;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * How staff sign in to a service's pages with the municipality's OIDC provider (a registered client,
 * {@code spring.security.oauth2.client.registration.*}), the same in every service: the authorization code flow with
 * PKCE (S256, which the realm's client requires), the ID token verified (signature, issuer, audience, expiry, nonce)
 * and read by the same {@link StaffIdentity} rule as the API's bearer tokens, into a session. Needs
 * {@code spring-security-oauth2-client} on the service's classpath.
 */
public final class StaffPagesSignIn {

    /** The service's own principal for an identity read from the provider's ID token (and user info). */
    @FunctionalInterface
    public interface OidcPrincipal {
        OidcUser of(StaffIdentity identity, OidcIdToken idToken, OidcUserInfo userInfo);
    }

    /**
     * The pages' addresses for the login.
     *
     * @param login      the login page, linking to the provider; {@code ?fel} after a refused login, {@code ?utloggad}
     *                   after logging out
     * @param logout     where a form posts to log out
     * @param afterLogin where a login lands that did not start at a page
     */
    public record Pages(String login, String logout, String afterLogin) {
    }

    private StaffPagesSignIn() {
    }

    /**
     * A page without a session goes to the login page, and back to the page after the login. Logging out ends the
     * session here, and the provider's when its end-session endpoint is known (an {@code issuer-uri}, read from its
     * discovery document); otherwise the provider's single sign-on session runs out on its own.
     */
    public static void oidcLogin(HttpSecurity http, ClientRegistrationRepository clients, StaffClaims claims,
            OidcPrincipal principal, Pages pages) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for a confidential client too
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(clients);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}" + pages.login() + "?utloggad");
        providerLogout.setDefaultTargetUrl(pages.login() + "?utloggad");
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .oauth2Login(login -> login
                        .loginPage(pages.login())
                        .failureUrl(pages.login() + "?fel")
                        .defaultSuccessUrl(pages.afterLogin())
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(withPkce))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users(claims, principal))))
                .logout(logout -> logout.logoutUrl(pages.logout()).logoutSuccessHandler(providerLogout));
    }

    /** Reads the provider's ID token and user info into the service's principal; a token naming nobody fails. */
    public static OAuth2UserService<OidcUserRequest, OidcUser> users(StaffClaims claims, OidcPrincipal principal) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser signedIn = provider.loadUser(request);
            StaffIdentity identity;
            try {
                identity = StaffIdentity.fromClaims(signedIn.getClaims(), claims);
            } catch (IllegalArgumentException namesNobody) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                        "The provider's ID token names no user (" + claims.username() + ")", null));
            }
            return principal.of(identity, signedIn.getIdToken(), signedIn.getUserInfo());
        };
    }

    /** The ids of the registered clients, e.g. {@code keycloak}: a login page links to each provider. */
    public static List<String> registrationIds(ClientRegistrationRepository registrations) {
        List<String> ids = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            all.forEach(registration -> ids.add(((ClientRegistration) registration).getRegistrationId()));
        }
        return ids;
    }
}
