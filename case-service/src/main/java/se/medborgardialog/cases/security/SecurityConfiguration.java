package se.medborgardialog.cases.security;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.medborgardialog.staff.StaffSignIn;

/**
 * The API ({@code /api/**}): stateless, problem+json 401/403; officers and managers work cases, administrators read
 * the audit log. Staff authenticate with the OIDC provider's bearer tokens when one is configured (a {@link JwtDecoder}
 * exists: {@code spring.security.oauth2.resourceserver.jwt.*}), otherwise, in the local stack and the tests, with a
 * development user's password over HTTP Basic. Everything else is the officers' pages ({@link StaffPagesSecurity}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> oidc, SecurityProperties properties)
            throws Exception {
        String challenge = StaffSignIn.apply(http, oidc, properties.claims(), StaffUser::new,
                SecurityConfiguration::unauthenticated);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/**").hasAnyRole("OFFICER", "MANAGER")
                        .anyRequest().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated(challenge))
                        .accessDeniedHandler(forbidden()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    UserDetailsService staffUsers(SecurityProperties properties) {
        return StaffSignIn.developmentUsers(properties.users(), SecurityProperties.User::username, StaffUser::new);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static AuthenticationEntryPoint unauthenticated(String challenge) {
        return StaffSignIn.unauthenticated(challenge, "Logga in för att se ärenden.");
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                writeProblem(response, 403, "Åtkomst nekad", "Din roll ger inte tillgång till detta.");
    }

    private static void writeProblem(jakarta.servlet.http.HttpServletResponse response, int status, String title,
            String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
