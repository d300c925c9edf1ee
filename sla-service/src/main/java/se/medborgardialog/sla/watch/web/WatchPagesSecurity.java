package se.medborgardialog.sla.watch.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import se.medborgardialog.sla.security.StaffProperties;
import se.medborgardialog.staff.StaffLoginPage;
import se.medborgardialog.staff.StaffPagesSignIn;
import se.medborgardialog.staff.StaffSignIn;

/**
 * The managers' watch page and its login, before the API's stateless chain: a session after a login, CSRF tokens on
 * every form, strict headers. With an OIDC client registered ({@code spring.security.oauth2.client.registration.*})
 * staff sign in with the provider ({@link StaffPagesSignIn}); otherwise, while no OIDC provider is configured at all,
 * the development users ({@code sla.security.users}) use the form at {@value #LOGIN_PAGE}. Managers and
 * administrators only; anyone else gets the Swedish 403 page.
 */
@Configuration(proxyBeanMethods = false)
class WatchPagesSecurity {

    static final String LOGIN_PAGE = "/logga-in";
    static final String LOGOUT = "/logga-ut";
    static final String REFUSED = "/bevakning/nekad";

    /**
     * The page's one script file and nothing inline; the live stream is fetched from here only
     * ({@code connect-src 'self'}); styles from the one CSS file.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain watchPages(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            ObjectProvider<ClientRegistrationRepository> oidcClients, StaffProperties properties) throws Exception {
        http.securityMatcher("/bevakning", "/bevakning/**", LOGIN_PAGE, LOGOUT, "/css/**", "/js/**", "/oauth2/**",
                        "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/css/**", "/js/**", REFUSED).permitAll()
                        .requestMatchers("/bevakning", "/bevakning/**").hasAnyRole("MANAGER", "ADMINISTRATOR")
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.accessDeniedPage(REFUSED))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            StaffPagesSignIn.oidcLogin(http, clients, properties.claims(), WatchUser::new,
                    new StaffPagesSignIn.Pages(LOGIN_PAGE, LOGOUT, "/bevakning"));
        } else if (StaffLoginPage.passwordLogin(oidc)) {
            http.userDetailsService(StaffSignIn.developmentUsers(properties.users(), StaffProperties.User::username,
                            WatchUser::new))
                    .formLogin(form -> form.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?fel")
                            .defaultSuccessUrl("/bevakning"))
                    .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?utloggad"));
        } else {
            http.exceptionHandling(handling -> handling
                            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)))
                    .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?utloggad"));
        }
        return http.build();
    }

}
