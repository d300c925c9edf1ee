package se.medborgardialog.reporting.pages;

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
import se.medborgardialog.reporting.security.StaffProperties;
import se.medborgardialog.staff.StaffLoginPage;
import se.medborgardialog.staff.StaffPagesSignIn;
import se.medborgardialog.staff.StaffSignIn;

/**
 * The statistics pages and their login, before the API's stateless chain (as sla-service's watch page): a session
 * after a login, CSRF tokens on every form that posts, strict headers. With an OIDC client registered staff sign in
 * with the provider ({@link StaffPagesSignIn}); otherwise, while no OIDC provider is configured at all, the
 * development users ({@code reporting.security.users}) use the form at {@value #LOGIN_PAGE}. Statisticians (every
 * unit) and managers (their units) only; anyone else gets the Swedish 403 page.
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurity {

    static final String LOGIN_PAGE = "/logga-in";
    static final String LOGOUT = "/logga-ut";
    static final String HOME = "/statistik";
    static final String REFUSED = "/statistik/nekad";

    /**
     * No script at all: the charts are SVG drawn on the server, coloured by attributes and the one CSS file, so the
     * page works without JavaScript and nothing inline needs allowing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain statisticsPages(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            ObjectProvider<ClientRegistrationRepository> oidcClients, StaffProperties properties) throws Exception {
        http.securityMatcher(HOME, HOME + "/**", LOGIN_PAGE, LOGOUT, "/css/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/css/**", REFUSED).permitAll()
                        .requestMatchers(HOME, HOME + "/**").hasAnyRole("STATISTICIAN", "MANAGER")
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
            StaffPagesSignIn.oidcLogin(http, clients, properties.claims(), StatisticsUser::new,
                    new StaffPagesSignIn.Pages(LOGIN_PAGE, LOGOUT, HOME));
        } else if (StaffLoginPage.passwordLogin(oidc)) {
            http.userDetailsService(StaffSignIn.developmentUsers(properties.users(), StaffProperties.User::username,
                            StatisticsUser::new))
                    .formLogin(form -> form.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?fel")
                            .defaultSuccessUrl(HOME))
                    .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?utloggad"));
        } else {
            http.exceptionHandling(handling -> handling
                            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)))
                    .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN_PAGE + "?utloggad"));
        }
        return http.build();
    }

}
