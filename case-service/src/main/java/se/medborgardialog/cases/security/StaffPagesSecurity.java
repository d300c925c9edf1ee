package se.medborgardialog.cases.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import se.medborgardialog.staff.StaffLoginPage;
import se.medborgardialog.staff.StaffPagesSignIn;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The officers' pages (everything outside {@code /api/**}): a session after a login, CSRF tokens on every form
 * post, strict security headers.
 *
 * <p>The login is the one thing production swaps: it is configured in {@link #login} only, and the pages see nothing
 * of it but the {@link StaffUser} principal. With an OIDC client registered
 * ({@code spring.security.oauth2.client.registration.*}, the realm's {@code medborgardialog-staff} client in
 * docker-compose.yml) staff sign in with the provider ({@link StaffPagesSignIn}: authorization code with PKCE, the ID
 * token's claims read as the API reads bearer tokens) and logging out also ends the provider's session. Otherwise the
 * password form is for the development users, so like them it exists only while no OIDC provider is configured (no
 * {@link JwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
class StaffPagesSecurity {

    static final String LOGIN_PAGE = "/logga-in";
    static final String LOGOUT = "/logga-ut";

    /**
     * No script at all, not even the page's own: the pages work without JavaScript. Styles from this service's one
     * CSS file; forms post only back here; no framing, no plugins, no base-URL tricks.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain staffPages(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            ObjectProvider<ClientRegistrationRepository> oidcClients, SecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error",
                                LOGIN_PAGE, "/css/**")
                        .permitAll()
                        .requestMatchers("/", "/arenden", "/arenden/**").hasAnyRole("OFFICER", "MANAGER")
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?utloggad"))
                // CSRF stays on (Spring's default, token in the session): th:action writes it into every form
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            oidcLogin(http, clients, properties);
        } else {
            login(http, StaffLoginPage.passwordLogin(oidc));
        }
        return http.build();
    }

    /**
     * Production: the provider's login page, the same as every service's ({@link StaffPagesSignIn}): a page without a
     * session goes to {@value #LOGIN_PAGE}, which links to the provider; logging out ends the session here and, when
     * its end-session endpoint is known, at the provider.
     */
    private static void oidcLogin(HttpSecurity http, ClientRegistrationRepository clients,
            SecurityProperties properties) throws Exception {
        StaffPagesSignIn.oidcLogin(http, clients, properties.claims(), StaffUser::new,
                new StaffPagesSignIn.Pages(LOGIN_PAGE, LOGOUT, "/arenden"));
    }


    /**
     * Development and test: the built-in login form at {@value #LOGIN_PAGE} against {@code cases.security.users}.
     * With an OIDC provider there is no password login: a page without a session goes to {@value #LOGIN_PAGE}, which
     * says so. The pages' OIDC login replaces this with {@code http.oauth2Login(...)}.
     */
    private static void login(HttpSecurity http, boolean password) throws Exception {
        if (password) {
            http.formLogin(form -> form
                    .loginPage(LOGIN_PAGE)
                    .failureUrl(LOGIN_PAGE + "?fel")
                    .defaultSuccessUrl("/arenden"));
        } else {
            http.exceptionHandling(handling -> handling
                    .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)));
        }
    }
}
