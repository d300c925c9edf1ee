package se.medborgardialog.intake.security;

import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import se.medborgardialog.staff.StaffPagesSignIn;
import se.medborgardialog.staff.StaffSignIn;

/**
 * The staff pages ({@code /avvikelse}, {@code /moderering/**}) and their login page ({@value #LOGIN_PAGE}): a login is
 * required, every form post needs a CSRF token, and the citizen pages' strict Content-Security-Policy applies.
 *
 * <p>The login is what production swaps; the pages see nothing of it but the {@link StaffUser} principal. With an
 * OIDC client registered ({@code spring.security.oauth2.client.registration.*}, the realm's
 * {@code medborgardialog-staff} client in docker-compose.yml) staff sign in with the provider ({@link StaffPagesSignIn}:
 * authorization code with PKCE, the ID token read as the API reads bearer tokens) into a session, and log out at
 * {@value #LOGOUT}. Without one, as before: the browser's HTTP Basic with the development users' passwords, no
 * session, the CSRF token in a cookie; like the development users it exists only while no OIDC provider is configured
 * (no {@link JwtDecoder}), and then only the provider's bearer tokens pass.
 */
@Configuration(proxyBeanMethods = false)
class StaffPagesSecurity {

    static final String LOGIN_PAGE = "/logga-in";
    static final String LOGOUT = "/logga-ut";

    /** The pages, the login page, and the endpoints of the OIDC code flow (unused without a registered client). */
    static final String[] PATHS = {
            "/avvikelse",
            "/moderering/**",
            LOGIN_PAGE,
            LOGOUT,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/*",
            "/login/oauth2/code/*",
    };

    @Bean
    @Order(2)
    SecurityFilterChain staffPages(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            ObjectProvider<ClientRegistrationRepository> oidcClients, SecurityProperties properties) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/avvikelse").hasAnyRole(SecurityConfiguration.AVVIKELSE_ROLES)
                        .requestMatchers("/moderering/**").hasAnyRole(SecurityConfiguration.MODERATION_ROLES)
                        .requestMatchers(LOGIN_PAGE).permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        SecurityConfiguration.CONTENT_SECURITY_POLICY)));
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            providerLogin(http, clients, properties);
        } else {
            browserLogin(http, oidc, properties);
        }
        return http.build();
    }

    /**
     * Production: the provider's login page. A page without a session goes to {@value #LOGIN_PAGE}, which links to the
     * provider, and comes back to the page after the login. The session carries the CSRF token too. Logging out ends
     * the session here, and the provider's when its end-session endpoint is known (an {@code issuer-uri}).
     */
    private static void providerLogin(HttpSecurity http, ClientRegistrationRepository clients,
            SecurityProperties properties) throws Exception {
        http.csrf(Customizer.withDefaults());
        StaffPagesSignIn.oidcLogin(http, clients, properties.claims(), StaffUser::ofOidcLogin,
                new StaffPagesSignIn.Pages(LOGIN_PAGE, LOGOUT, LOGIN_PAGE));
    }

    /**
     * Development and test: the browser's own HTTP Basic login with a development user (no session; the browser
     * resends the credentials with every request), and a CSRF token in a cookie for the form posts, as the citizen
     * pages have it. With an OIDC provider but no client registered for the pages, only its bearer tokens pass.
     */
    private static void browserLogin(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            SecurityProperties properties) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        Function<String, AuthenticationEntryPoint> unauthenticated = challenge -> (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            response.sendError(HttpStatus.UNAUTHORIZED.value(), HttpStatus.UNAUTHORIZED.getReasonPhrase());
        };
        String challenge = StaffSignIn.apply(http, oidc, properties.claims(), StaffUser::ofToken, unauthenticated);
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated.apply(challenge)));
    }
}
