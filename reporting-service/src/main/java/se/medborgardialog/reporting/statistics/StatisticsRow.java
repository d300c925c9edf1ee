package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.facts.Counts;

/**
 * The cases received on one day (Europe/Stockholm) of one kind, category and unit, and what became of them
 * so far. A day is the cohort of its receipt date: a case received on Monday and answered on Wednesday counts
 * as answered on Monday's row.
 */
public record StatisticsRow(LocalDate date, SynpunktKind kind, String category, String unit,
                            long received, long answered, long answeredWithinDeadline, long breached, long open) {

    StatisticsRow(LocalDate date, SynpunktKind kind, String category, String unit, Counts counts) {
        this(date, kind, category, unit, counts.received(), counts.answered(), counts.answeredWithinDeadline(),
                counts.breached(), counts.open());
    }

    public Counts counts() {
        return new Counts(received, answered, answeredWithinDeadline, breached, open);
    }
}
