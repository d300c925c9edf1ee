package se.medborgardialog.workingdays;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Swedish working-day calendar: Monday to Friday, except the allmänna helgdagar of Lag (1989:253)
 * and midsommarafton, julafton and nyårsafton, which employers treat as days off (and Lag 1930:173
 * moves statutory deadlines off them). The rules come from Jollyday's Swedish calendar, computed for
 * any year; the three aftnar are in it.
 */
public final class SwedishCalendar {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final HolidayManager holidays =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final Map<Integer, Map<LocalDate, String>> closedDaysByYear = new ConcurrentHashMap<>();

    /** A day that is not a working day although it is not an ordinary Saturday or Sunday. */
    public record NonWorkingDay(LocalDate date, String name) {
    }

    /**
     * A deadline: the last working day as a local date, and its last instant in Europe/Stockholm.
     * Something done at or before {@code dueAt} is in time.
     */
    public record Deadline(LocalDate dueDate, ZonedDateTime dueAt) {

        public Instant dueInstant() {
            return dueAt.toInstant();
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closedDays(date.getYear()).containsKey(date);
    }

    /** The holidays and aftnar of a year, in date order, with their Swedish names; weekends are not listed. */
    public List<NonWorkingDay> nonWorkingDays(int year) {
        return closedDays(year).entrySet().stream()
                .map(e -> new NonWorkingDay(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(NonWorkingDay::date))
                .toList();
    }

    /** The {@code n}-th working day strictly after {@code date}. */
    public LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * "Within N working days" of receipt: the end of the N-th working day strictly after the date of
     * receipt, both counted on the Europe/Stockholm local date (never the UTC date).
     */
    public Deadline deadline(Instant receivedAt, int workingDays) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        LocalDate received = receivedAt.atZone(STOCKHOLM).toLocalDate();
        LocalDate due = nthWorkingDayAfter(received, workingDays);
        return new Deadline(due, due.atTime(LocalTime.MAX).atZone(STOCKHOLM));
    }

    private Map<LocalDate, String> closedDays(int year) {
        return closedDaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y)).stream()
                .collect(Collectors.toUnmodifiableMap(Holiday::getDate, h -> h.getDescription(SWEDISH), (a, b) -> a)));
    }
}
