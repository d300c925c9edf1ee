package se.medborgardialog.sla.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated(challenge)))
                .authorizeHttpRequests(requests -> requests
                        // The calendar is public information; health and metrics serve the platform.
                        .requestMatchers("/api/v1/calendar/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/actuator/prometheus", "/error").permitAll()
                        // The catalogue: administrators keep it, managers may read it.
                        .requestMatchers(HttpMethod.GET, "/api/v1/guarantees", "/api/v1/guarantees/**")
                                .hasAnyRole("ADMINISTRATOR", "MANAGER")
                        .requestMatchers("/api/v1/guarantees", "/api/v1/guarantees/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                // A stateless API with credentials on every request: no session, no CSRF token.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static AuthenticationEntryPoint unauthenticated(String challenge) {
        return StaffSignIn.unauthenticated(challenge, "Logga in för att se tidsgränserna.");
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
}
