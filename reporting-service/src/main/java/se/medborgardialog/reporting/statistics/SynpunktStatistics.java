package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import java.util.List;
import se.medborgardialog.reporting.facts.Counts;

/** The answer to a statistics query: its rows, ordered by date, kind, category and unit, and their sums. */
public record SynpunktStatistics(LocalDate from, LocalDate to, List<StatisticsRow> rows, Counts totals) {

    public SynpunktStatistics {
        rows = List.copyOf(rows);
    }

    static SynpunktStatistics of(LocalDate from, LocalDate to, List<StatisticsRow> rows) {
        return new SynpunktStatistics(from, to, rows,
                rows.stream().map(StatisticsRow::counts).reduce(Counts.NONE, Counts::plus));
    }
}
