package se.medborgardialog.sla.guarantee;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A recurring period, every year from {@code from} to {@code to} inclusive, when a guarantee's clock does not count
 * (Kil: June–August). Written {@code MM-dd..MM-dd}, e.g. {@code 06-01..08-31}; one that wraps the new year
 * ({@code 12-20..01-06}) is allowed.
 */
public record Suspension(MonthDay from, MonthDay to) {

    public Suspension {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** @throws IllegalArgumentException with a Swedish message */
    public static Suspension parse(String text) {
        if (text == null || !text.contains("..")) {
            throw new IllegalArgumentException("ange perioden som MM-dd..MM-dd, t.ex. 06-01..08-31, var " + text);
        }
        String[] parts = text.strip().split("\\.\\.", 2);
        try {
            return new Suspension(monthDay(parts[0]), monthDay(parts[1]));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ogiltigt datum i '" + text.strip() + "': ange MM-dd..MM-dd, t.ex. 06-01..08-31");
        }
    }

    private static MonthDay monthDay(String text) {
        return MonthDay.parse("--" + text.strip());
    }

    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return from.isAfter(to)
                ? !day.isBefore(from) || !day.isAfter(to)
                : !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String toString() {
        return String.format("%02d-%02d..%02d-%02d", from.getMonthValue(), from.getDayOfMonth(), to.getMonthValue(),
                to.getDayOfMonth());
    }
}
