package se.medborgardialog.cases.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiarienummerSeriesTests {

    @Test
    void formatsYearAndSixDigitSequence() {
        assertThat(DiarienummerSeries.format(2026, 123).value()).isEqualTo("2026-000123");
        assertThat(DiarienummerSeries.format(2026, 999_999).value()).isEqualTo("2026-999999");
    }

    @Test
    void refusesANumberOutsideTheSeries() {
        assertThatThrownBy(() -> DiarienummerSeries.format(2026, 1_000_000)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DiarienummerSeries.format(2026, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsNewYearsEveLateEveningUtcAsTheNewStockholmYear() {
        // 23:30 UTC on 31 December is 00:30 on 1 January in Stockholm
        assertThat(DiarienummerSeries.yearOf(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(2027);
        assertThat(DiarienummerSeries.yearOf(Instant.parse("2026-12-31T22:59:59Z"))).isEqualTo(2026);
    }

    @Test
    void usesStockholmSummerTimeAtMidsummerToo() {
        assertThat(DiarienummerSeries.yearOf(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo(2026);
    }
}
