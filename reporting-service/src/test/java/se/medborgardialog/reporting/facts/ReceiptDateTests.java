package se.medborgardialog.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReceiptDateTests {

    @Test
    void halfPastElevenUtcInWinterIsAlreadyTheNextDayInStockholm() {
        assertThat(ReceiptDate.of(Instant.parse("2026-11-23T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(ReceiptDate.of(Instant.parse("2026-11-23T22:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void inSummerTimeStockholmIsTwoHoursAheadOfUtc() {
        assertThat(ReceiptDate.of(Instant.parse("2026-06-30T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ReceiptDate.of(Instant.parse("2026-06-30T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
