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
    private static final byte[] BYTES_MAGIC = {'p', 'd', 1};

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
        byte[] out = seal(keys.get(currentKeyId), currentKeyId.getBytes(StandardCharsets.UTF_8),
                plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * Encrypts a file's bytes (attachments). The result names its key, so it can be read after rotation:
     * {@code 'p' 'd' 1 | key id length | key id | nonce | ciphertext+tag}.
     *
     * @param context bound to the ciphertext as associated data (e.g. the attachment's id), so stored bytes cannot
     *                be moved to another record unnoticed; the same context must be given to decrypt
     */
    public byte[] encryptBytes(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal(keys.get(currentKeyId), associatedData(currentKeyId, context), plaintext);
        return ByteBuffer.allocate(BYTES_MAGIC.length + 1 + keyId.length + sealed.length)
                .put(BYTES_MAGIC).put((byte) keyId.length).put(keyId).put(sealed).array();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not ones this cipher wrote for {@code context}, name an
     *                                  unknown key, or were altered
     */
    public byte[] decryptBytes(byte[] stored, String context) {
        Objects.requireNonNull(stored, "stored");
        if (stored.length < BYTES_MAGIC.length + 1 || stored[0] != BYTES_MAGIC[0] || stored[1] != BYTES_MAGIC[1]
                || stored[2] != BYTES_MAGIC[2]) {
            throw new IllegalArgumentException("Not encrypted personal data bytes");
        }
        int keyIdLength = stored[BYTES_MAGIC.length] & 0xff;
        int sealedAt = BYTES_MAGIC.length + 1 + keyIdLength;
        if (stored.length < sealedAt) {
            throw new IllegalArgumentException("Not encrypted personal data bytes");
        }
        String keyId = new String(stored, BYTES_MAGIC.length + 1, keyIdLength, StandardCharsets.UTF_8);
        return open(keyId, associatedData(keyId, context), stored, sealedAt);
    }

    private static byte[] associatedData(String keyId, String context) {
        return (keyId + ":" + Objects.requireNonNull(context, "context")).getBytes(StandardCharsets.UTF_8);
    }

    /** @return nonce | ciphertext+tag */
    private byte[] seal(SecretKey key, byte[] associatedData, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is required of every JVM", impossible);
        }
    }

    /** Opens nonce | ciphertext+tag starting at {@code offset} of {@code in}. */
    private byte[] open(String keyId, byte[] associatedData, byte[] in, int offset) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("Personal data value encrypted with unknown key " + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, offset, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(in, offset + NONCE_BYTES, in.length - offset - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException tampered) {
            throw new IllegalArgumentException("Personal data value could not be decrypted (altered or wrong key)");
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
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Personal data value could not be decrypted (altered or wrong key)");
        }
        return new String(open(keyId, keyId.getBytes(StandardCharsets.UTF_8), in, 0), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is in this cipher's format (for migrating values stored before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
