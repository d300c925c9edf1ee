package se.medborgardialog.reporting.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods figures are rolled up to, on Stockholm dates; a week is the ISO week (Monday to Sunday), as in Sweden. */
public enum PeriodLength {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    /** {@code 2026-03-02}, {@code 2026-W10}, {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /** Month, quarter and year are read from the monthly cells; day and week from the daily ones. */
    boolean wholeMonths() {
        return this == MONTH || this == QUARTER || this == YEAR;
    }
}
