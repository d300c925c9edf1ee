package se.medborgardialog.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed one-way hash (HMAC-SHA256) of personal data, for checking sameness without storing the value: two
 * signatures by the same personnummer give the same hash, but the hash cannot be turned back into the number,
 * nor recomputed from a list of all personnummer without the key (which a plain SHA-256 could).
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    /** @param base64Key at least 32 bytes, base64 */
    public KeyedHash(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("A keyed-hash key must be at least 32 bytes, was " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** @param purpose separates uses (e.g. {@code signature}), so hashes from one use say nothing in another */
    public String hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", impossible);
        }
    }
}
