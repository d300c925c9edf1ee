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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 *
 * <p>A municipality may close more days than the rules do (a klämdag such as the Friday after Kristi
 * himmelsfärds dag, or a local holiday): they are given once, at construction, and count as non-working
 * like the holidays. A given day that is already a holiday by rule keeps the rule's name; one on a weekend
 * changes nothing. Instances are immutable and safe to share.
 */
public final class SwedishCalendar {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final HolidayManager holidays =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final Map<LocalDate, String> extraClosedDays;
    private final Map<Integer, Map<LocalDate, String>> closedDaysByYear = new ConcurrentHashMap<>();

    /** The calendar by rule alone. */
    public SwedishCalendar() {
        this(List.of());
    }

    /**
     * The calendar by rule plus the municipality's own closed days.
     *
     * @param extraClosedDays days closed besides the rules, each with its Swedish name; one entry per date
     * @throws IllegalArgumentException if a day lacks a date or a name, or a date is given twice
     */
    public SwedishCalendar(Collection<NonWorkingDay> extraClosedDays) {
        Map<LocalDate, String> days = new HashMap<>();
        for (NonWorkingDay day : Objects.requireNonNull(extraClosedDays, "extraClosedDays")) {
            if (day == null || day.date() == null) {
                throw new IllegalArgumentException("An extra closed day needs a date");
            }
            if (day.name() == null || day.name().isBlank()) {
                throw new IllegalArgumentException("The extra closed day " + day.date() + " needs a name");
            }
            if (days.putIfAbsent(day.date(), day.name().strip()) != null) {
                throw new IllegalArgumentException("The extra closed day " + day.date() + " is given twice");
            }
        }
        this.extraClosedDays = Map.copyOf(days);
    }

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

    /**
     * The holidays, aftnar and extra closed days of a year, in date order, with their Swedish names; ordinary
     * weekends are not listed, but an extra closed day that falls on one is.
     */
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
        return closedDaysByYear.computeIfAbsent(year, this::computeClosedDays);
    }

    private Map<LocalDate, String> computeClosedDays(int year) {
        Map<LocalDate, String> days = holidays.getHolidays(Year.of(year)).stream()
                .collect(Collectors.toMap(Holiday::getDate, h -> h.getDescription(SWEDISH), (a, b) -> a, HashMap::new));
        // The rule's name wins on a clash: the law's holiday is the reason the day is closed.
        extraClosedDays.forEach((date, name) -> {
            if (date.getYear() == year) {
                days.putIfAbsent(date, name);
            }
        });
        return Map.copyOf(days);
    }
}
