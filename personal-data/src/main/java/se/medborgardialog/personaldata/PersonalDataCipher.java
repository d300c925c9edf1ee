package se.medborgardialog.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data before it is stored (AES-256-GCM, a fresh 96-bit nonce per value), so a copy of the
 * database or its files shows no names, numbers or free text. A value is written as
 * {@code pd1:<key id>:<base64(nonce | ciphertext+tag)>}; the key id lets keys rotate: new values use the current
 * key, old values are read with the key they name. The key id is also bound as associated data, so a value
 * cannot be moved under another key's name.
 */
public final class PersonalDataCipher {

    private static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key new values are encrypted with
     * @param base64Keys   every key still needed to read stored values, by id; each 32 bytes, base64
     */
    public PersonalDataCipher(String currentKeyId, Map<String, String> base64Keys) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        if (currentKeyId.contains(":")) {
            throw new IllegalArgumentException("A key id may not contain ':'");
        }
        this.keys = base64Keys.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> key(entry.getKey(), entry.getValue())));
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("No key configured with the current key id " + currentKeyId);
        }
        this.currentKeyId = currentKeyId;
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Personal data key " + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("Personal data key " + id + " must be 32 bytes (AES-256), was "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** @return the encrypted form, or null for null */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is required of every JVM", impossible);
        }
    }

    /**
     * @return the plaintext, or null for null
     * @throws IllegalArgumentException when the value is not one this cipher wrote, names an unknown key, or was
     *                                  altered (the message never contains the value)
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted personal data value");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalArgumentException("Not an encrypted personal data value");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("Personal data value encrypted with unknown key " + keyId);
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException tampered) {
            throw new IllegalArgumentException("Personal data value could not be decrypted (altered or wrong key)");
        }
    }

    /** Whether a stored value is in this cipher's format (for migrating values stored before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
