package se.medborgardialog.intake.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a tracking code as a citizen may type it: any case, with or without the dashes or spaces between the
 * groups, and with the letters Crockford base32 reads as digits (O as 0, I and L as 1). The canonical form is
 * the one intake hands out (submission/TrackingCodes): 16 characters in groups of four, e.g. {@code 7KQF-3M9X-WD2P-8HNA}.
 */
public final class TrackingCodeFormat {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;
    static final String EXAMPLE = "7KQF-3M9X-WD2P-8HNA";

    private TrackingCodeFormat() {
    }

    /** @return the canonical code, or empty when it cannot be a tracking code at all */
    public static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder characters = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            characters.append(read);
        }
        if (characters.length() != LENGTH) {
            return Optional.empty();
        }
        for (int dash = 12; dash > 0; dash -= 4) {
            characters.insert(dash, '-');
        }
        return Optional.of(characters.toString());
    }
}
