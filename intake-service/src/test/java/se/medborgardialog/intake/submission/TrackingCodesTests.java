package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrackingCodesTests {

    final TrackingCodes trackingCodes = new TrackingCodes();

    @Test
    void writesSixteenCrockfordCharactersInGroupsOfFour() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(trackingCodes.next().value()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        }
    }

    @Test
    void carriesEightyBitsSoCodesDoNotRepeat() {
        assertThat(16 * Integer.numberOfTrailingZeros(TrackingCodes.ALPHABET.length())).isEqualTo(TrackingCodes.BITS);
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 50_000).forEach(i -> codes.add(trackingCodes.next().value()));
        assertThat(codes).hasSize(50_000);
    }

    @Test
    void usesEveryCharacterOfTheAlphabetInEveryPosition() {
        // A broken bit-packing shows as positions stuck on a few characters.
        int positions = 16;
        Set<Character>[] seen = new Set[positions];
        for (int p = 0; p < positions; p++) {
            seen[p] = new HashSet<>();
        }
        for (int i = 0; i < 5_000; i++) {
            String code = trackingCodes.next().value().replace("-", "");
            for (int p = 0; p < positions; p++) {
                seen[p].add(code.charAt(p));
            }
        }
        for (int p = 0; p < positions; p++) {
            assertThat(seen[p]).as("position %d", p).hasSize(32);
        }
    }
}
