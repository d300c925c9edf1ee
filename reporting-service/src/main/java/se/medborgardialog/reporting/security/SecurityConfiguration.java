package se.medborgardialog.reporting.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import se.medborgardialog.staff.StaffSignIn;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Bearer tokens with an OIDC provider configured, else the development users over HTTP Basic (StaffSignIn). */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> oidc,
            StaffProperties properties) throws Exception {
        String challenge = StaffSignIn.apply(http, oidc, properties.claims(), identity -> identity,
                SecurityConfiguration::unauthenticated);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error").permitAll()
                        // The API's description is public: it holds no figures.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/v1/statistics/rebuild").hasRole(StaffDirectory.ADMINISTRATOR)
                        .requestMatchers("/api/v1/statistics/reconciliation", "/api/v1/statistics/reconciliation/**")
                        .hasAnyRole(StaffDirectory.STATISTICIAN, StaffDirectory.ADMINISTRATOR)
                        // Officers work cases; aggregates are for statisticians and managers.
                        .requestMatchers("/api/v1/statistics/**").hasAnyRole(StaffDirectory.STATISTICIAN, StaffDirectory.MANAGER)
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated(challenge)).accessDeniedHandler((request, response, e) ->
                        problem(response, HttpStatus.FORBIDDEN, "Åtkomst nekad", "Din roll ger inte tillgång till statistiken.")))
                // A stateless API with credentials on every request: no session, no CSRF token.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static AuthenticationEntryPoint unauthenticated(String challenge) {
        return StaffSignIn.unauthenticated(challenge, "Logga in för att se statistiken.");
    }

    /**
     * The development users, as case-service and intake have them: not an {@code InMemoryUserDetailsManager}, which
     * Spring Security also takes for the place to "upgrade" a {@code {noop}} password to BCrypt after the first login,
     * so that every later HTTP Basic request paid for a BCrypt check (44 % of this service's CPU under the pipeline
     * benchmark's statistics polling, found by profiling).
     */
    @Bean
    UserDetailsService userDetailsService(StaffProperties properties) {
        return StaffSignIn.developmentUsers(properties.users(), StaffProperties.User::username,
                user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build());
    }

    /** Written by hand: these answers come from the filter chain, before any controller advice could. */
    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"errors\":[]}");
    }
}
