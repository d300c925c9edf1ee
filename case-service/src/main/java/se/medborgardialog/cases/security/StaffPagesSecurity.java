package se.medborgardialog.cases.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The officers' pages (everything outside {@code /api/**}): a session after a login, CSRF tokens on every form
 * post, strict security headers.
 *
 * <p>The login is the one thing production swaps (for OIDC, a later step): it is configured in {@link #login} only,
 * and the pages see nothing of it but the {@link StaffUser} principal.
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
    SecurityFilterChain staffPages(HttpSecurity http) throws Exception {
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
        login(http);
        return http.build();
    }

    /**
     * Development and test: the built-in login form at {@value #LOGIN_PAGE} against {@code cases.security.users}.
     * Production replaces this with {@code http.oauth2Login(...)} and a user service that maps the token's claims to
     * a {@link StaffUser}.
     */
    private static void login(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                .loginPage(LOGIN_PAGE)
                .failureUrl(LOGIN_PAGE + "?fel")
                .defaultSuccessUrl("/arenden"));
    }
}
