package se.medborgardialog.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTests {

    @Test
    void medianAndNinetiethPercentileAreTheNearestRankOfTheHistogram() {
        // 10 answers: 4 on day 0, 3 on day 1, 2 on day 2, 1 on day 7
        Map<String, Long> raw = Map.of("fa_wd:0", 4L, "fa_wd:1", 3L, "fa_wd:2", 2L, "fa_wd:7", 1L);

        assertThat(Figures.percentile(raw, "fa_wd:", 0.5)).isEqualTo(BigDecimal.ONE);
        assertThat(Figures.percentile(raw, "fa_wd:", 0.9)).isEqualTo(BigDecimal.valueOf(2));
        assertThat(Figures.percentile(raw, "fa_wd:", 1.0)).isEqualTo(BigDecimal.valueOf(7));
        assertThat(Figures.percentile(Map.of(), "fa_wd:", 0.5)).isNull();
    }

    @Test
    void sharesAreDecimalsAndUndefinedWithoutAWhole() {
        assertThat(Figures.share(2L, 3L)).isEqualByComparingTo("0.6667");
        assertThat(Figures.share(0L, 0L)).isNull();
    }

    @Test
    void guaranteeCountersArePublishedByIdWithTheirShare() {
        Map<String, Long> raw = Map.of("g:TJANSTEGARANTI:snorojning-8-timmar:met", 3L,
                "g:TJANSTEGARANTI:snorojning-8-timmar:breached", 1L, "g:TJANSTEGARANTI:snorojning-8-timmar:compensated", 1L,
                "av:LEX_MARIA:ivo", 2L);
        Map<String, Long> counts = Figures.counts(raw, 0);

        assertThat(counts).containsEntry("guarantee:snorojning-8-timmar:met", 3L)
                .containsEntry("guarantee:snorojning-8-timmar:compensations", 1L)
                .containsEntry("avvikelser:LEX_MARIA:ivoReported", 2L)
                .containsEntry("ivoReported", 2L);
        assertThat(Figures.figures(raw, counts).get("guarantee:snorojning-8-timmar:metShare")).isEqualByComparingTo("0.75");
    }

    @Test
    void periodsStartOnMondaysMonthsQuartersAndYears() {
        LocalDate sunday = LocalDate.of(2027, 1, 10);
        assertThat(PeriodLength.WEEK.start(sunday)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(PeriodLength.WEEK.label(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(PeriodLength.WEEK.label(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(PeriodLength.QUARTER.start(LocalDate.of(2027, 8, 15))).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(PeriodLength.QUARTER.label(LocalDate.of(2027, 7, 1))).isEqualTo("2027-Q3");
        assertThat(PeriodLength.YEAR.end(LocalDate.of(2028, 1, 1))).isEqualTo(LocalDate.of(2028, 12, 31));
    }
}
