package se.medborgardialog.staff;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How staff sign in to a service's API, the same in every service: with the OIDC provider's bearer tokens when the
 * service is configured for one (Spring Boot then has a {@link JwtDecoder}: {@code
 * spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}), and only then; otherwise, in the
 * local stack and the tests, with a development user's password over HTTP Basic.
 */
public final class StaffSignIn {

    public static final String BASIC_CHALLENGE = "Basic realm=\"medborgardialog\"";
    public static final String BEARER_CHALLENGE = "Bearer realm=\"medborgardialog\"";

    private StaffSignIn() {
    }

    /** A 401 as problem+json in Swedish, with the challenge: the answer every service gives a missing login. */
    public static AuthenticationEntryPoint unauthenticated(String challenge, String detail) {
        return (request, response, exception) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", challenge);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Inloggning krävs\",\"status\":401,"
                    + "\"detail\":\"" + detail + "\"}");
        };
    }

    /**
     * @param principal       the service's own principal for a token's identity
     * @param unauthenticated the service's 401 answer for a {@code WWW-Authenticate} challenge
     * @return the challenge in use, for the chain's own entry point
     */
    public static String apply(HttpSecurity http, ObjectProvider<JwtDecoder> decoder, StaffClaims claims,
            Function<StaffIdentity, ?> principal, Function<String, AuthenticationEntryPoint> unauthenticated) {
        if (decoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new StaffJwtAuthenticationConverter(claims, principal)))
                    .authenticationEntryPoint(unauthenticated.apply(BEARER_CHALLENGE)));
            return BEARER_CHALLENGE;
        }
        http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated.apply(BASIC_CHALLENGE)));
        return BASIC_CHALLENGE;
    }

    /**
     * The development users, for HTTP Basic while no provider is configured: each login gets a fresh principal, as
     * Spring Security erases the password of the one it checked.
     */
    public static <U> UserDetailsService developmentUsers(Collection<U> users, Function<U, String> username,
            Function<U, UserDetails> principal) {
        Map<String, U> byName = users.stream().collect(Collectors.toUnmodifiableMap(username, Function.identity()));
        return name -> {
            U user = byName.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("Unknown user");
            }
            return principal.apply(user);
        };
    }
}
