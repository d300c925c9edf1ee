package se.medborgardialog.intake.tracking;

import java.security.SecureRandom;

/** Fresh tracking codes in the format intake hands out, for tests that need a code no other test uses. */
final class TestCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < TrackingCodeFormat.LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(TrackingCodeFormat.ALPHABET.charAt(RANDOM.nextInt(TrackingCodeFormat.ALPHABET.length())));
        }
        return code.toString();
    }
}
