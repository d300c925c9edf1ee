package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackingCodeFormatTests {

    @Test
    void readsACodeInAnyCaseWithOrWithoutDashesAndSpaces() {
        assertThat(TrackingCodeFormat.canonical("7KQF-3M9X-WD2P-8HNA")).contains("7KQF-3M9X-WD2P-8HNA");
        assertThat(TrackingCodeFormat.canonical("7kqf3m9xwd2p8hna")).contains("7KQF-3M9X-WD2P-8HNA");
        assertThat(TrackingCodeFormat.canonical(" 7kqf 3m9x-wd2p 8hna ")).contains("7KQF-3M9X-WD2P-8HNA");
    }

    @Test
    void readsTheLettersCrockfordTakesForDigits() {
        assertThat(TrackingCodeFormat.canonical("OOOO-IIII-LLLL-0000")).contains("0000-1111-1111-0000");
    }

    @Test
    void refusesWhatCannotBeACode() {
        assertThat(TrackingCodeFormat.canonical(null)).isEmpty();
        assertThat(TrackingCodeFormat.canonical("")).isEmpty();
        assertThat(TrackingCodeFormat.canonical("7KQF-3M9X-WD2P-8HN")).isEmpty();
        assertThat(TrackingCodeFormat.canonical("7KQF-3M9X-WD2P-8HNAA")).isEmpty();
        assertThat(TrackingCodeFormat.canonical("UKQF-3M9X-WD2P-8HNA")).isEmpty();
        assertThat(TrackingCodeFormat.canonical("<script>alert(1)</script>")).isEmpty();
    }
}
