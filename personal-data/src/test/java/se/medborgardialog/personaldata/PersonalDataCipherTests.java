package se.medborgardialog.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "HxEeHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";

    private final PersonalDataCipher cipher = new PersonalDataCipher("a", Map.of("a", KEY_A));

    @Test
    void roundTripsAndHidesThePlaintext() {
        String stored = cipher.encrypt("Anna Andersson, 070-123 45 67");

        assertThat(stored).startsWith("pd1:a:").doesNotContain("Anna").doesNotContain("070");
        assertThat(cipher.decrypt(stored)).isEqualTo("Anna Andersson, 070-123 45 67");
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.encrypt("x")).isNotEqualTo(cipher.encrypt("x"));
    }

    @Test
    void refusesAnAlteredValue() {
        String stored = cipher.encrypt("hemlig");
        byte[] sealed = Base64.getDecoder().decode(stored.substring("pd1:a:".length()));
        sealed[sealed.length / 2] ^= 1;
        String altered = "pd1:a:" + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hemlig");
    }

    @Test
    void readsValuesOfARetiredKeyAfterRotation() {
        String old = cipher.encrypt("gammal");
        PersonalDataCipher rotated = new PersonalDataCipher("b", Map.of("a", KEY_A, "b", KEY_B));

        assertThat(rotated.decrypt(old)).isEqualTo("gammal");
        assertThat(rotated.encrypt("ny")).startsWith("pd1:b:");
        assertThatThrownBy(() -> cipher.decrypt(rotated.encrypt("ny"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesNullThrough() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new PersonalDataCipher("a", Map.of("a", "AAEC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void keyedHashIsStablePerKeyAndPurpose() {
        KeyedHash hash = new KeyedHash(KEY_A);

        assertThat(hash.hash("signature", "191212121212")).isEqualTo(hash.hash("signature", "191212121212"))
                .isNotEqualTo(hash.hash("other", "191212121212"))
                .isNotEqualTo(new KeyedHash(KEY_B).hash("signature", "191212121212"))
                .doesNotContain("191212121212");
    }

    @Test
    void roundTripsBytesBoundToTheirContextAndHidesThem() {
        byte[] plain = "%PDF-1.4 Anna Andersson".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] stored = cipher.encryptBytes(plain, "attachment-1");

        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Anna")
                .doesNotContain("%PDF");
        assertThat(cipher.decryptBytes(stored, "attachment-1")).isEqualTo(plain);
        assertThatThrownBy(() -> cipher.decryptBytes(stored, "attachment-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAlteredBytesAndReadsBytesOfARetiredKey() {
        byte[] stored = cipher.encryptBytes(new byte[] {1, 2, 3}, "x");
        PersonalDataCipher rotated = new PersonalDataCipher("b", Map.of("a", KEY_A, "b", KEY_B));
        byte[] altered = stored.clone();
        altered[altered.length - 1] ^= 1;

        assertThat(rotated.decryptBytes(stored, "x")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> cipher.decryptBytes(altered, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decryptBytes(new byte[] {1, 2, 3}, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
