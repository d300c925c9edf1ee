package se.medborgardialog.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Really signed RS256 tokens shaped like the Keycloak realm's ({@code keycloak/medborgardialog-realm.json}): a
 * service under test fetches the public key from {@link #jwkSetUri()}, a small HTTP server of the test's own, and
 * checks the issuer ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}), exactly
 * as production verifies Keycloak's tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/medborgardialog";
    public static final String AUDIENCE = "medborgardialog";

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer jwks;
    /** Authorization codes handed out by {@link #authorizationCode} and the ID token each is exchanged for, once. */
    private final Map<String, String> idTokensByCode = new ConcurrentHashMap<>();

    private TestTokens(RSAKey key, RSAKey otherKey, HttpServer jwks) {
        this.key = key;
        this.otherKey = otherKey;
        this.jwks = jwks;
    }

    /** New keys, and the key set served on a free local port until the JVM ends. */
    public static TestTokens create() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            RSAKey other = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keySet.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(keySet);
                }
            });
            server.setExecutor(null);
            TestTokens tokens = new TestTokens(key, other, server);
            server.createContext("/token", tokens::exchange);
            server.start();
            return tokens;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Configures the service under test as production is: its key set from {@link #jwkSetUri()}, this issuer and
     * audience required.
     */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    /**
     * Configures the pages' OIDC login as production's Keycloak client: the authorization endpoint is never called (the
     * test plays the browser and the provider's login page), the token endpoint is this object's, which exchanges the
     * codes of {@link #authorizationCode} for really signed ID tokens.
     */
    public void configureLogin(DynamicPropertyRegistry registry, String clientId) {
        String client = "spring.security.oauth2.client.registration.keycloak.";
        String provider = "spring.security.oauth2.client.provider.keycloak.";
        registry.add(client + "client-id", () -> clientId);
        registry.add(client + "client-secret", () -> "test-secret");
        registry.add(client + "authorization-grant-type", () -> "authorization_code");
        registry.add(client + "scope", () -> "openid,profile,email");
        registry.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(provider + "authorization-uri", () -> ISSUER + "/protocol/openid-connect/auth");
        registry.add(provider + "token-uri", () -> base() + "/token");
        registry.add(provider + "jwk-set-uri", this::jwkSetUri);
        registry.add(provider + "user-name-attribute", () -> "preferred_username");
    }

    /**
     * What the provider's login page does once the user has signed in: an authorization code that the token endpoint
     * exchanges, once, for an ID token of this user for {@code clientId} with the authorization request's nonce.
     */
    public String authorizationCode(String clientId, String nonce, String username, List<String> roles,
            List<String> units) {
        String code = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = claims(username, roles, units, Instant.now()).audience(clientId)
                .claim("azp", clientId);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        idTokensByCode.put(code, sign(key, claims.build()));
        return code;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String code = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        String idToken = code == null ? null : idTokensByCode.remove(code);
        byte[] body = (idToken == null ? "{\"error\":\"invalid_grant\"}"
                : "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(idToken == null ? 400 : 200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort();
    }

    /** Where the service fetches the key set the tokens verify with, as it fetches Keycloak's. */
    public String jwkSetUri() {
        return base() + "/certs";
    }

    /** A valid token for five minutes, with realm roles ({@code officer}, {@code lex-sarah}) and units. */
    public String forUser(String username, List<String> roles, List<String> units) {
        return sign(key, claims(username, roles, units, Instant.now()).build());
    }

    /** Like {@link #forUser} with changes, e.g. an expired or foreign-audience token. */
    public String forUser(String username, List<String> roles, List<String> units,
            UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key, change.apply(claims(username, roles, units, Instant.now())).build());
    }

    /** Well formed, but signed by a key the service does not trust. */
    public String signedByAnotherKey(String username, List<String> roles, List<String> units) {
        return sign(otherKey, claims(username, roles, units, Instant.now()).build());
    }

    public static JWTClaimsSet.Builder expired(JWTClaimsSet.Builder claims) {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        return claims.issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(300)));
    }

    private static JWTClaimsSet.Builder claims(String username, List<String> roles, List<String> units, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .claim("units", units);
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
