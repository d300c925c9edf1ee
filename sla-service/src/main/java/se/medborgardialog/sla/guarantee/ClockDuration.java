package se.medborgardialog.sla.guarantee;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a guarantee's clock runs, as written in the catalogue (ISO-8601 style):
 * <ul>
 *   <li>{@code P2WD}: working days on the Swedish calendar (with the municipality's closed days), ending at the end of
 *       the N-th working day strictly after the Stockholm date the clock started;</li>
 *   <li>{@code PT8H}, {@code PT30M}: calendar time, an exact instant;</li>
 *   <li>{@code P10D}, {@code P3W}, {@code P6M}, {@code P1Y}: calendar days, weeks, months or years, ending at the end of
 *       the Stockholm day; {@code P0D} is "the same day".</li>
 * </ul>
 *
 * @param text        as written, normalised to upper case
 * @param kind        which of the three
 * @param workingDays for {@link Kind#WORKING_DAYS}; else 0
 * @param period      for {@link Kind#CALENDAR}; else null
 * @param time        for {@link Kind#HOURS}; else null
 */
public record ClockDuration(String text, Kind kind, int workingDays, Period period, Duration time) {

    public enum Kind {
        WORKING_DAYS, CALENDAR, HOURS
    }

    private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,3})WD");
    private static final int MAX_WORKING_DAYS = 365;

    public static ClockDuration workingDays(int days) {
        return parse("P" + days + "WD");
    }

    /**
     * @throws IllegalArgumentException with a Swedish message saying what is allowed
     */
    public static ClockDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("saknas: ange t.ex. P2WD (arbetsdagar), PT8H (timmar) eller P3W (veckor)");
        }
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        Matcher workingDays = WORKING_DAYS.matcher(normalised);
        if (workingDays.matches()) {
            int days = Integer.parseInt(workingDays.group(1));
            if (days < 1 || days > MAX_WORKING_DAYS) {
                throw new IllegalArgumentException("arbetsdagar måste vara 1–365, var " + days);
            }
            return new ClockDuration(normalised, Kind.WORKING_DAYS, days, null, null);
        }
        try {
            if (normalised.contains("T")) {
                Duration time = Duration.parse(normalised);
                if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofDays(366)) > 0) {
                    throw new IllegalArgumentException("tiden måste vara positiv och högst ett år, var " + text.strip());
                }
                return new ClockDuration(normalised, Kind.HOURS, 0, null, time);
            }
            Period period = Period.parse(normalised);
            if (period.isNegative() || period.toTotalMonths() * 31 + period.getDays() > 10 * 366) {
                throw new IllegalArgumentException("perioden får inte vara negativ eller längre än tio år, var " + text.strip());
            }
            return new ClockDuration(normalised, Kind.CALENDAR, 0, period, null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ogiltig tid '" + text.strip()
                    + "': ange t.ex. P2WD (arbetsdagar), PT8H (timmar), P10D, P3W eller P6M");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
