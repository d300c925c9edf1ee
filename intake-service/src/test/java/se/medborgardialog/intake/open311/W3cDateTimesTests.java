package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class W3cDateTimesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-23T11:00:00+01:00, 2026-11-23T10:00:00Z",
            "2026-11-23T10:00:00Z, 2026-11-23T10:00:00Z",
            "2026-11-23T11:00+01:00, 2026-11-23T10:00:00Z",
            "2026-11-23T11:00:00.250+01:00, 2026-11-23T10:00:00.250Z",
            "2026-07-01T12:00:00, 2026-07-01T10:00:00Z",
            "2026-11-23T11:00:00 01:00, 2026-11-23T10:00:00Z",
            "' 2026-11-23T10:00:00Z ', 2026-11-23T10:00:00Z"})
    void readsW3cDateTimesWithOrWithoutAnOffsetAndAPlusThatArrivedAsASpace(String given, String expected) {
        assertThat(W3cDateTimes.parse(given, false)).contains(Instant.parse(expected));
    }

    @Test
    void aBareDateIsASwedishDayFromItsFirstToItsLastInstant() {
        assertThat(W3cDateTimes.parse("2026-11-23", false)).contains(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(W3cDateTimes.parse("2026-11-23", true)).contains(Instant.parse("2026-11-23T22:59:59.999999999Z"));
        assertThat(W3cDateTimes.parse("2026-07-01", false)).contains(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"i går", "2026-13-01", "23/11/2026", "2026-11-23T25:00:00Z", " "})
    void textThatIsNoDateTimeIsNotRead(String given) {
        assertThat(W3cDateTimes.parse(given, false)).isEmpty();
    }

    @Test
    void writesSwedishTimeWithItsOffsetToTheSecond() {
        assertThat(W3cDateTimes.format(Instant.parse("2026-11-25T22:59:59.999999999Z")))
                .isEqualTo("2026-11-25T23:59:59+01:00");
        assertThat(W3cDateTimes.format(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("2026-07-01T12:00:00+02:00");
        assertThat(W3cDateTimes.format(null)).isNull();
    }
}
