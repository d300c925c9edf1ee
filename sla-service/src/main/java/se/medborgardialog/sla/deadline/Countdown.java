package se.medborgardialog.sla.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.medborgardialog.sla.guarantee.ClockDuration;
import se.medborgardialog.sla.guarantee.Suspension;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Counts a clock's time: when it runs out from a start, and how far a pause moves it. Days inside a suspension period
 * do not count, and a clock that starts in one starts counting after it.
 *
 * <ul>
 *   <li>working days: the N-th day strictly after the Stockholm start date that is a working day (Swedish calendar
 *       with the municipality's closed days) and not suspended; due at its end;</li>
 *   <li>calendar days, weeks, months: the start date plus the period, counting only days not suspended (the period's
 *       length in days is taken from the first day that counts); due at the end of that Stockholm day;</li>
 *   <li>hours: an exact instant, the time inside suspended days not counted.</li>
 * </ul>
 * A pause gives back, for a clock in days, the days that count strictly after the pause's Stockholm date up to and
 * including the reply's (the pause day itself was partly used); for a clock in hours, exactly the paused time.
 */
final class Countdown {

    /** Ten years of days: a guard against a catalogue that suspends every day. */
    private static final int MAX_DAYS = 3660;

    record Due(LocalDate dueDate, Instant dueAt) {
    }

    private final SwedishCalendar calendar;
    private final ClockDuration duration;
    private final List<Suspension> suspensions;

    Countdown(SwedishCalendar calendar, ClockDuration duration, List<Suspension> suspensions) {
        this.calendar = calendar;
        this.duration = duration;
        this.suspensions = List.copyOf(suspensions);
    }

    boolean isExact() {
        return duration.kind() == ClockDuration.Kind.HOURS;
    }

    Due from(Instant start) {
        LocalDate startDate = date(start);
        return switch (duration.kind()) {
            case WORKING_DAYS -> suspensions.isEmpty()
                    ? day(calendar.deadline(start, duration.workingDays()).dueDate())
                    : day(nthCountableAfter(startDate, duration.workingDays()));
            case CALENDAR -> {
                LocalDate first = startDate;
                for (int i = 0; suspended(first) && suspended(first.plusDays(1)) && i < MAX_DAYS; i++) {
                    first = first.plusDays(1);
                }
                int days = (int) ChronoUnit.DAYS.between(first, first.plus(duration.period()));
                yield day(suspensions.isEmpty() ? first.plusDays(days) : nthCountableAfter(first, days));
            }
            case HOURS -> exact(advance(start, duration.time()));
        };
    }

    /** How much a pause from {@code pausedAt} to {@code resumedAt} gives back: days that count, or the time (hours). */
    int daysGivenBack(Instant pausedAt, Instant resumedAt) {
        if (isExact()) {
            return 0;
        }
        int days = 0;
        for (LocalDate day = date(pausedAt).plusDays(1); !day.isAfter(date(resumedAt)); day = day.plusDays(1)) {
            if (countable(day)) {
                days++;
            }
        }
        return days;
    }

    Due moved(Due current, Instant pausedAt, Instant resumedAt) {
        if (isExact()) {
            return exact(advance(current.dueAt(), countableTime(pausedAt, resumedAt)));
        }
        int days = daysGivenBack(pausedAt, resumedAt);
        return days == 0 ? current : day(nthCountableAfter(current.dueDate(), days));
    }

    private boolean suspended(LocalDate day) {
        for (Suspension suspension : suspensions) {
            if (suspension.contains(day)) {
                return true;
            }
        }
        return false;
    }

    private boolean countable(LocalDate day) {
        return !suspended(day) && (duration.kind() != ClockDuration.Kind.WORKING_DAYS || calendar.isWorkingDay(day));
    }

    private LocalDate nthCountableAfter(LocalDate date, int n) {
        LocalDate day = date;
        int counted = 0;
        for (int i = 0; counted < n; i++) {
            if (i > MAX_DAYS) {
                throw new IllegalStateException("No " + n + " counting days within ten years after " + date);
            }
            day = day.plusDays(1);
            if (countable(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code time} of counting time after {@code from}: time inside suspended days is skipped. */
    private Instant advance(Instant from, Duration time) {
        if (suspensions.isEmpty()) {
            return from.plus(time);
        }
        Instant at = from;
        Duration remaining = time;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = date(at);
            if (suspended(day)) {
                at = startOf(nextNotSuspended(day));
                continue;
            }
            Instant windowEnd = startOf(nextSuspended(day));
            if (!at.plus(remaining).isAfter(windowEnd)) {
                return at.plus(remaining);
            }
            remaining = remaining.minus(Duration.between(at, windowEnd));
            at = windowEnd;
        }
        throw new IllegalStateException("No counting time after " + from);
    }

    private Duration countableTime(Instant from, Instant to) {
        if (suspensions.isEmpty() || !to.isAfter(from)) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = date(from); !day.isAfter(date(to)); day = day.plusDays(1)) {
            if (!suspended(day)) {
                Instant start = max(from, startOf(day));
                Instant end = min(to, startOf(day.plusDays(1)));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private LocalDate nextNotSuspended(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; suspended(next); i++) {
            if (i > MAX_DAYS) {
                throw new IllegalStateException("Every day after " + day + " is suspended");
            }
            next = next.plusDays(1);
        }
        return next;
    }

    /** The first suspended day after {@code day}; far in the future when none comes within ten years. */
    private LocalDate nextSuspended(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, next = next.plusDays(1)) {
            if (suspended(next)) {
                return next;
            }
        }
        return next;
    }

    private static Due day(LocalDate dueDate) {
        return new Due(dueDate, endOf(dueDate));
    }

    private static Due exact(Instant dueAt) {
        Instant millis = dueAt.truncatedTo(ChronoUnit.MILLIS);
        return new Due(date(millis), millis);
    }

    static LocalDate date(Instant instant) {
        return instant.atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
    }

    static Instant endOf(LocalDate date) {
        return date.atTime(LocalTime.MAX).atZone(SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
