package se.medborgardialog.intake.submission;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.TrackingCode;

/**
 * Tracking codes a citizen uses to follow their case: 80 random bits from {@link SecureRandom}, so they
 * cannot be guessed, written as 16 Crockford base32 characters in groups of four, e.g. {@code 7KQF-3M9X-WD2P-8HNA}.
 * Crockford's alphabet leaves out I, L, O and U, so a code read aloud or copied by hand stays unambiguous.
 */
@Component
public class TrackingCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int BITS = 80;
    private static final int CHARACTERS = BITS / 5;

    private final SecureRandom random = new SecureRandom();

    public TrackingCode next() {
        byte[] bytes = new byte[BITS / 8];
        random.nextBytes(bytes);
        StringBuilder code = new StringBuilder(CHARACTERS + 3);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5) {
                bitsInBuffer -= 5;
                if (code.length() % 5 == 4) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt((buffer >> bitsInBuffer) & 0x1F));
            }
        }
        return new TrackingCode(code.toString());
    }
}
