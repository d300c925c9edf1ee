package se.medborgardialog.sla.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * One deadline clock of one case, e.g. {@code first-answer}: the aggregate and its MongoDB document.
 * Immutable; every transition returns the next state with its event appended to {@link #pendingEvents},
 * and a higher {@link #version} the store uses to refuse a write based on a stale read.
 *
 * <p>Instants are kept at millisecond precision (what a BSON date holds), so what was decided and what
 * is stored are the same. {@code dueAt} is always derived from {@code dueDate}: it is stored only for the
 * scanner's query, and the stored value is truncated.
 *
 * <p>While the case waits for the citizen the clock is {@code PAUSED} (since {@code pausedAt}); every pause, open or
 * closed, is kept in {@code pauses}, and a resume moves {@code dueDate} later (see {@link #resume}). A forwarded case
 * keeps its clocks; only {@code unit} changes, as of {@code unitChangedAt}.
 *
 * @param pausedAt      the start of the current pause; null unless {@code PAUSED}
 * @param pauses        every pause of the clock, oldest first
 * @param unitChangedAt when the case was last forwarded (null if never): an older forwarding is not applied again
 */
@Document("deadlines")
public record Deadline(
        @Id String id,
        String caseId,
        String unit,
        String clock,
        int workingDays,
        Instant receivedAt,
        LocalDate dueDate,
        Instant dueAt,
        DeadlineStatus status,
        Instant answeredAt,
        Instant breachedAt,
        Instant pausedAt,
        List<Pause> pauses,
        Instant unitChangedAt,
        List<PendingEvent> pendingEvents,
        long version) {

    public static final String FIRST_ANSWER = "first-answer";

    public Deadline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
        if (status == DeadlineStatus.PAUSED) {
            Objects.requireNonNull(pausedAt, "pausedAt of a paused clock");
        }
        dueAt = endOf(dueDate);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    public static String id(CaseId caseId, String clock) {
        return caseId + ":" + clock;
    }

    /** A UUID derived from case, clock and event kind: a re-publication carries the same ce_id. */
    public static String eventId(String caseId, String clock, Kind kind) {
        return uuidOf(caseId + ":" + clock + ":" + kind.name().toLowerCase());
    }

    /**
     * The id of a pause's event ({@code PAUSED} or {@code RESUMED}): a clock may pause more than once, so the pause's
     * number (1 for the first) is part of it. The same case event can never make a second pause (see {@link #pause}),
     * so a redelivery or a re-publication carries the same ce_id.
     */
    public static String eventId(String caseId, String clock, Kind kind, int pause) {
        return uuidOf(caseId + ":" + clock + ":" + kind.name().toLowerCase() + ":" + pause);
    }

    private static String uuidOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Starts a clock. A deadline already past at {@code now} (a letter registered long after it arrived)
     * is breached at once, its breach event right after the scheduling event.
     */
    public static Deadline schedule(CaseId caseId, String unit, String clock, int workingDays, Instant receivedAt,
                                    SwedishCalendar.Deadline due, Instant now) {
        String caseIdValue = caseId.toString();
        Instant at = millis(now);
        Deadline scheduled = new Deadline(id(caseId, clock), caseIdValue, unit, clock, workingDays, millis(receivedAt),
                due.dueDate(), due.dueInstant(), DeadlineStatus.RUNNING, null, null, null, List.of(), null,
                List.of(new PendingEvent(eventId(caseIdValue, clock, Kind.SCHEDULED), Kind.SCHEDULED, at)), 0);
        return scheduled.isOverdueAt(at) ? scheduled.breach(at).orElseThrow() : scheduled;
    }

    public CaseId typedCaseId() {
        return new CaseId(UUID.fromString(caseId));
    }

    public boolean isOverdueAt(Instant instant) {
        return status == DeadlineStatus.RUNNING && instant.isAfter(dueAt);
    }

    /**
     * The next instant this clock needs attention: once the time is after it, {@link #fire} has something to do.
     * Today that is {@code dueAt} while the clock runs; a paused or stopped clock needs none (null).
     */
    public Instant nextFireAt() {
        return status == DeadlineStatus.RUNNING ? dueAt : null;
    }

    /**
     * What the passing of time does to this clock at {@code now}: a running clock past its due time is breached.
     * Empty when there is nothing to do (not yet due, paused, stopped, or a stale timer entry).
     */
    public Optional<Deadline> fire(Instant now) {
        return isOverdueAt(now) ? breach(now) : Optional.empty();
    }

    /**
     * The case was answered (or closed, which also stops the clock) at {@code answeredAt}, the event's own
     * time: at or before {@code dueAt} is in time. Late and not yet breached: breached now, and stopped.
     * Paused: met, since a clock cannot run late while it waits for the citizen (the pause stays in the history
     * without a {@code resumedAt}). Already breached: recorded as answered late, no new event. Already stopped:
     * nothing changes.
     */
    public Optional<Deadline> stop(Instant answeredAt, Instant now) {
        Objects.requireNonNull(answeredAt, "answeredAt");
        return switch (status) {
            case RUNNING -> answeredAt.isAfter(dueAt)
                    ? Optional.of(next(DeadlineStatus.BREACHED_ANSWERED_LATE, millis(answeredAt), millis(now), Kind.BREACHED, now))
                    : Optional.of(next(DeadlineStatus.MET, millis(answeredAt), null, Kind.MET, now));
            case PAUSED -> Optional.of(next(DeadlineStatus.MET, millis(answeredAt), null, Kind.MET, now));
            case BREACHED -> Optional.of(next(DeadlineStatus.BREACHED_ANSWERED_LATE, millis(answeredAt), breachedAt, null, now));
            case MET, BREACHED_ANSWERED_LATE -> Optional.empty();
        };
    }

    /**
     * The clock ran out unanswered, noticed at {@code now}. Already breached: nothing changes. Nothing
     * leaves MET. Breaching a clock that has not run out, or one that is paused, is a bug and refused loudly.
     */
    public Optional<Deadline> breach(Instant now) {
        return switch (status) {
            case RUNNING -> {
                if (!now.isAfter(dueAt)) {
                    throw new IllegalStateException("Deadline " + id + " is not due until " + dueAt + ", now " + now);
                }
                yield Optional.of(next(DeadlineStatus.BREACHED, null, millis(now), Kind.BREACHED, now));
            }
            case PAUSED -> throw new IllegalStateException("Deadline " + id + " is paused since " + pausedAt
                    + " and cannot be breached");
            case MET, BREACHED, BREACHED_ANSWERED_LATE -> Optional.empty();
        };
    }

    /**
     * The officer asked the citizen for more information at {@code requestedAt} (the event's own time): a running
     * clock pauses then, and the scanner leaves it alone until it resumes. Ignored, so a redelivered request does
     * nothing new: a clock already paused or stopped, and a request not after the last resume (the request of a pause
     * that already ended). A request after the deadline had passed breaches the clock instead (the scanner had not
     * got there yet). A request stamped before the receipt pauses from the receipt.
     */
    public Optional<Deadline> pause(Instant requestedAt, Instant now) {
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (status != DeadlineStatus.RUNNING || !isAfterLastResume(requestedAt)) {
            return Optional.empty();
        }
        if (requestedAt.isAfter(dueAt)) {
            return isOverdueAt(now) ? breach(now) : Optional.empty();
        }
        Instant at = millis(requestedAt.isBefore(receivedAt) ? receivedAt : requestedAt);
        List<Pause> nextPauses = new ArrayList<>(pauses);
        nextPauses.add(Pause.startedAt(at));
        return Optional.of(copy(unit, dueDate, DeadlineStatus.PAUSED, answeredAt, breachedAt, at, nextPauses,
                unitChangedAt, withEvent(Kind.PAUSED, nextPauses.size(), now)));
    }

    /**
     * The citizen's reply reached the case at {@code repliedAt}: a paused clock runs again, its due date moved later by
     * the days it was paused. Those are the days strictly after the Stockholm date of the pause up to and including
     * the Stockholm date of the reply: working days (Swedish calendar) for a clock counted in working days, calendar
     * days for a calendar-period clock. The pause day itself was partly used by the clock and is not given back;
     * pausing and resuming on the same day moves nothing; paused Friday and resumed Monday gives back one day (Monday),
     * resumed on the Saturday none. The due date moves from the current due date by that many working (or calendar)
     * days. A clock whose moved deadline has passed at {@code now} is breached at once, as at scheduling.
     *
     * <p>Ignored: a clock that is not paused (a redelivered reply), and a reply before the current pause began (a
     * redelivered reply to an earlier question).
     */
    public Optional<Deadline> resume(Instant repliedAt, Instant now, SwedishCalendar calendar) {
        Objects.requireNonNull(repliedAt, "repliedAt");
        if (status != DeadlineStatus.PAUSED || repliedAt.isBefore(pausedAt)) {
            return Optional.empty();
        }
        Instant at = millis(repliedAt);
        int days = pausedDays(calendar, pausedAt, at);
        LocalDate movedDueDate = days == 0 ? dueDate
                : workingDays > 0 ? calendar.nthWorkingDayAfter(dueDate, days) : dueDate.plusDays(days);
        List<Pause> nextPauses = new ArrayList<>(pauses);
        int number = nextPauses.size();
        nextPauses.set(number - 1, nextPauses.get(number - 1).resumed(at, days, movedDueDate));
        Deadline resumed = copy(unit, movedDueDate, DeadlineStatus.RUNNING, answeredAt, breachedAt, null, nextPauses,
                unitChangedAt, withEvent(Kind.RESUMED, number, now));
        return Optional.of(resumed.isOverdueAt(millis(now)) ? resumed.breach(millis(now)).orElseThrow() : resumed);
    }

    /**
     * The case was forwarded to {@code toUnit} at {@code forwardedAt}: the clock keeps its state and due date, and
     * later events carry the new unit. Applies whatever the status, so the deadlines follow the case to the unit
     * that has it. Publishes nothing. Ignored: the unit it already has, and a forwarding not after the last one
     * applied (a redelivery).
     */
    public Optional<Deadline> forward(String toUnit, Instant forwardedAt) {
        Objects.requireNonNull(toUnit, "toUnit");
        Objects.requireNonNull(forwardedAt, "forwardedAt");
        if (toUnit.equals(unit) || (unitChangedAt != null && !forwardedAt.isAfter(unitChangedAt))) {
            return Optional.empty();
        }
        return Optional.of(copy(toUnit, dueDate, status, answeredAt, breachedAt, pausedAt, pauses, millis(forwardedAt),
                pendingEvents));
    }

    private boolean isAfterLastResume(Instant instant) {
        if (pauses.isEmpty()) {
            return true;
        }
        Pause last = pauses.get(pauses.size() - 1);
        return last.resumedAt() != null && instant.isAfter(last.resumedAt());
    }

    /** The days given back for a pause: see {@link #resume}. */
    private int pausedDays(SwedishCalendar calendar, Instant from, Instant to) {
        LocalDate pauseDate = from.atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
        LocalDate resumeDate = to.atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
        if (workingDays == 0) {
            return (int) ChronoUnit.DAYS.between(pauseDate, resumeDate);
        }
        int days = 0;
        for (LocalDate day = pauseDate.plusDays(1); !day.isAfter(resumeDate); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    public Optional<PendingEvent> pendingEvent(String eventId) {
        return pendingEvents.stream().filter(e -> e.eventId().equals(eventId)).findFirst();
    }

    /** The contract event a pending entry stands for, built from this deadline's facts. */
    public Object eventPayload(PendingEvent event) {
        CaseId typed = typedCaseId();
        return switch (event.kind()) {
            case SCHEDULED -> new DeadlineScheduled(typed, clock, unit, workingDays, receivedAt, dueDate, dueAt);
            case MET -> new DeadlineMet(typed, clock, unit, dueAt, answeredAt);
            case BREACHED -> new DeadlineBreached(typed, clock, unit, dueAt, breachedAt);
            case PAUSED -> new DeadlinePaused(typed, clock, unit, pauseOf(event).pausedAt());
            case RESUMED -> {
                Pause pause = pauseOf(event);
                yield new DeadlineResumed(typed, clock, unit, pause.resumedAt(), pause.dueDate(), endOf(pause.dueDate()));
            }
        };
    }

    private Pause pauseOf(PendingEvent event) {
        return pauses.get(Objects.requireNonNull(event.pause(), "pause of " + event.kind()) - 1);
    }

    /** A stop or a breach: the clock is no longer paused, whatever it was. */
    private Deadline next(DeadlineStatus nextStatus, Instant nextAnsweredAt, Instant nextBreachedAt, Kind event, Instant now) {
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        if (event != null) {
            events.add(new PendingEvent(eventId(caseId, clock, event), event, millis(now)));
        }
        return copy(unit, dueDate, nextStatus, nextAnsweredAt, nextBreachedAt, null, pauses, unitChangedAt, events);
    }

    private List<PendingEvent> withEvent(Kind kind, int pause, Instant now) {
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        events.add(new PendingEvent(eventId(caseId, clock, kind, pause), kind, millis(now), pause));
        return events;
    }

    private Deadline copy(String nextUnit, LocalDate nextDueDate, DeadlineStatus nextStatus, Instant nextAnsweredAt,
                          Instant nextBreachedAt, Instant nextPausedAt, List<Pause> nextPauses, Instant nextUnitChangedAt,
                          List<PendingEvent> events) {
        return new Deadline(id, caseId, nextUnit, clock, workingDays, receivedAt, nextDueDate, dueAt, nextStatus,
                nextAnsweredAt, nextBreachedAt, nextPausedAt, nextPauses, nextUnitChangedAt, events, version + 1);
    }

    private static Instant endOf(LocalDate date) {
        return date.atTime(LocalTime.MAX).atZone(SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
