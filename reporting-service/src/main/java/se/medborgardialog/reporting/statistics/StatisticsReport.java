package se.medborgardialog.reporting.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to an aggregate query.
 *
 * @param guarantees every guarantee that has a figure in the rows: id → type ({@code TJANSTEGARANTI}, {@code LAGKRAV},
 *                   {@code RIKTLINJE}, or empty for a clock from before the catalogue)
 * @param totals     the sum of all rows (backlog: at the end of the range); its {@code period} is {@code total}
 */
public record StatisticsReport(String municipality, PeriodLength period, LocalDate from, LocalDate to,
                               List<String> groupBy, boolean publicExport, Integer suppressionLimit,
                               Map<String, String> guarantees, List<Row> rows, Row totals) {

    /**
     * One period (and group, when grouped).
     *
     * @param group      the value of each grouped dimension
     * @param counts     every count; null where suppressed
     * @param figures    shares (0..1) and the time to first answer (median and 90th percentile, nearest rank, in
     *                   working days and in whole hours); null where there is nothing to measure or it is suppressed
     * @param suppressed the names of the counts and figures suppressed in a public export
     */
    public record Row(String period, LocalDate from, LocalDate to, Map<String, String> group, Map<String, Long> counts,
                      Map<String, BigDecimal> figures, Set<String> suppressed) {
    }
}
