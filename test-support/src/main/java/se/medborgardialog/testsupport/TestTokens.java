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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            server.start();
            return new TestTokens(key, other, server);
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

    /** Where the service fetches the key set the tokens verify with, as it fetches Keycloak's. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
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
