package se.medborgardialog.intake.security;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import se.medborgardialog.intake.web.Problems;
import se.medborgardialog.staff.StaffSignIn;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The citizen pages and what they load; everything else is the API's. */
    static final String[] CITIZEN_PAGES = {
            "/",
            "/synpunkt",
            "/felanmalan",
            "/status",
            "/status/svar",
            "/klagomal-garanti",
            "/e-forslag",
            "/e-forslag/**",
            "/css/**",
            "/favicon.ico",
    };

    /**
     * The citizen pages: public, but their form posts need a CSRF token (th:action writes it into the form).
     * The token lives in a cookie rather than a session, so the pages stay stateless like the API and any
     * instance can check a form another instance rendered. A missing or wrong token is refused with 403
     * before the submission is read, so nothing is stored or published.
     */
    @Bean
    @Order(1)
    SecurityFilterChain citizenPages(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http
                .securityMatcher(CITIZEN_PAGES)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /** Staff roles that may report an avvikelse (page and API); a REPORTER only for their own units. */
    static final String[] AVVIKELSE_ROLES = {"REPORTER", "OFFICER", "MANAGER"};

    /** Staff roles that may moderate e-förslag (page and API). */
    static final String[] MODERATION_ROLES = {"OFFICER", "MODERATOR"};

    /** The citizen pages' Content-Security-Policy, the staff pages' too ({@link StaffPagesSecurity}). */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** Open311 GeoReport v2 (open311/Open311Controller), for machine clients. */
    static final String[] OPEN311 = {
            "/open311/**",
    };

    /**
     * Open311: stateless, no CSRF token (its clients are servers and apps, not form-posting browsers), no login.
     * Reading is public; posting a service request needs an api_key, which the open311 feature checks itself so
     * that a refusal comes in GeoReport v2's error format.
     */
    @Bean
    @Order(3)
    SecurityFilterChain open311(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(OPEN311)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /**
     * The JSON API: stateless, no CSRF token (clients are not form-posting browsers). Staff authenticate with the OIDC
     * provider's bearer tokens when one is configured (a {@link JwtDecoder} exists:
     * {@code spring.security.oauth2.resourceserver.jwt.*}), otherwise, in the local stack and the tests, with a
     * development user's password over HTTP Basic ({@link StaffSignIn}); either way the principal is a
     * {@link StaffUser}. The citizen endpoints stay public whichever it is.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> oidc, SecurityProperties properties,
            AccessDeniedHandler denied, CorsProperties cors, JsonMapper jsonMapper) throws Exception {
        String challenge = StaffSignIn.apply(http, oidc, properties.claims(), StaffUser::ofToken,
                anyChallenge -> unauthenticated(anyChallenge, jsonMapper));
        return http
                .cors(c -> c.configurationSource(corsConfigurationSource(cors)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/categories").permitAll()
                        // Open to citizens; which channels need a staff login depends on the body,
                        // so the submission feature decides that per request.
                        .requestMatchers(HttpMethod.POST, "/api/v1/synpunkter").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/avvikelser").hasAnyRole(AVVIKELSE_ROLES)
                        .requestMatchers(HttpMethod.GET, "/api/v1/felanmalan/kategorier").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/felanmalningar").permitAll()
                        // A citizen follows their case by its tracking code (tracking/StatusController).
                        .requestMatchers(HttpMethod.GET, "/api/v1/status/*").permitAll()
                        // ... and answers the officer's question on it (tracking/CitizenReplyController).
                        .requestMatchers(HttpMethod.POST, "/api/v1/status/*/svar").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/status/*/klagomal").permitAll()
                        // Files sent with submissions: staff of the case's unit (attachments/AttachmentController).
                        .requestMatchers(HttpMethod.GET, "/api/v1/attachments/*").hasAnyRole("OFFICER", "MANAGER")
                        // E-förslag: citizens identify themselves per request (IdentityProvider); moderation is staff's.
                        .requestMatchers(HttpMethod.POST, "/api/v1/e-forslag/*/publicering", "/api/v1/e-forslag/*/avslag")
                                .hasAnyRole(MODERATION_ROLES)
                        .requestMatchers(HttpMethod.GET, "/api/v1/e-forslag/moderering").hasAnyRole(MODERATION_ROLES)
                        .requestMatchers(HttpMethod.GET, "/api/v1/e-forslag/hos-namnden").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/e-forslag", "/api/v1/e-forslag/*/underskrifter").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/e-forslag/*/underskrifter").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/e-forslag").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // The API's documentation (OpenAPI JSON and Swagger UI with its assets), and nothing else.
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/swagger-config",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated(challenge, jsonMapper))
                        .accessDeniedHandler(denied))
                .build();
    }

    /**
     * Cross-origin access for the configured app origins, on {@code /api/**} only. With no origins configured
     * there is no mapping at all, so every cross-origin request (and preflight) is refused.
     */
    static CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(properties.allowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            api.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key", HttpHeaders.AUTHORIZATION));
            api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
            api.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    /** The API's 401: problem+json in Swedish with the challenge of the login in use. */
    private static AuthenticationEntryPoint unauthenticated(String challenge, JsonMapper jsonMapper) {
        String detail = challenge.startsWith("Bearer")
                ? "Logga in med kommunens inloggningstjänst och skicka dess token (Authorization: Bearer)."
                : "Logga in med ett giltigt användarnamn och lösenord.";
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "Inloggning krävs", detail,
                    List.of()), jsonMapper);
        };
    }

    /** The challenge a staff-only request without a login answers with, for the features that decide that themselves. */
    @Bean
    StaffChallenge staffChallenge(ObjectProvider<JwtDecoder> oidc) {
        return new StaffChallenge(oidc.getIfAvailable() != null ? StaffSignIn.BEARER_CHALLENGE
                : StaffSignIn.BASIC_CHALLENGE);
    }

    @Bean
    AccessDeniedHandler problemAccessDeniedHandler(JsonMapper jsonMapper) {
        return (request, response, exception) -> Problems.write(request, response, Problems.of(
                HttpStatus.FORBIDDEN, "Behörighet saknas", "Du har inte behörighet till detta.", List.of()),
                jsonMapper);
    }

    /** The development users, for HTTP Basic while no OIDC provider is configured. */
    @Bean
    UserDetailsService staffUsers(SecurityProperties properties) {
        return StaffSignIn.developmentUsers(properties.users(), SecurityProperties.User::username,
                StaffUser::ofDevelopmentUser);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
