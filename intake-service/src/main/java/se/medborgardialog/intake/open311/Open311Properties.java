package se.medborgardialog.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Open311 GeoReport v2 endpoint's settings ({@code intake.open311.*}).
 *
 * @param jurisdictionId when set, a request that names another {@code jurisdiction_id} is answered 404; when
 *                       blank, any value (or none) is accepted
 * @param apiKeys        the clients that may post service requests, each with its own key. A list set in the
 *                       environment ({@code INTAKE_OPEN311_APIKEYS_0_KEY}, {@code _0_CLIENT}, …) replaces the
 *                       development key of application.yml entirely
 * @param maxRequests    the most service requests one {@code GET requests} answers with
 * @param maxWindow      the longest span {@code start_date}–{@code end_date}, and the default window back from now
 * @param group          the Open311 {@code group} every felanmälan service is listed under
 * @param keywords       per service code, the comma-separated Open311 {@code keywords}; none when missing
 */
@ConfigurationProperties("intake.open311")
record Open311Properties(
        String jurisdictionId,
        List<ApiKey> apiKeys,
        @DefaultValue("1000") int maxRequests,
        @DefaultValue("90d") Duration maxWindow,
        @DefaultValue("Felanmälan") String group,
        Map<String, String> keywords) {

    /** Shorter keys are refused at start-up: they can be guessed. */
    static final int MIN_KEY_LENGTH = 16;

    Open311Properties {
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? null : jurisdictionId.strip();
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
        if (maxRequests < 1) {
            throw new IllegalArgumentException("intake.open311.max-requests must be at least 1");
        }
        if (maxWindow == null || maxWindow.isNegative() || maxWindow.isZero()) {
            throw new IllegalArgumentException("intake.open311.max-window must be a positive duration");
        }
        Set<String> seen = new HashSet<>();
        for (ApiKey apiKey : apiKeys) {
            if (!seen.add(apiKey.key())) {
                throw new IllegalArgumentException("intake.open311.api-keys: the same key is listed twice");
            }
        }
    }

    /** True unless a jurisdiction is configured and {@code given} names another one (case and blanks aside). */
    boolean serves(String given) {
        return jurisdictionId == null || given == null || given.isBlank()
                || jurisdictionId.equalsIgnoreCase(given.strip());
    }

    /** The client whose key this is; compared in constant time, so the comparison does not leak the key. */
    Optional<ApiKey> client(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey apiKey : apiKeys) {
            if (MessageDigest.isEqual(apiKey.key().getBytes(StandardCharsets.UTF_8), given)) {
                match = apiKey;
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * One Open311 client's key.
     *
     * @param client      who it is (logged and used as a metric tag; never the key)
     * @param development true for a key that is public in this repository; the service warns at start-up
     */
    record ApiKey(String key, String client, boolean development) {

        ApiKey {
            if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("intake.open311.api-keys[].key must be at least "
                        + MIN_KEY_LENGTH + " characters");
            }
            if (client == null || client.isBlank()) {
                throw new IllegalArgumentException("intake.open311.api-keys[].client must name the client");
            }
            key = key.strip();
            client = client.strip();
        }

        @Override
        public String toString() {
            return "ApiKey[client=" + client + ", development=" + development + "]";
        }
    }
}
