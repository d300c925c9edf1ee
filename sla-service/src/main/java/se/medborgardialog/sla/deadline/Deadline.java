package se.medborgardialog.sla.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.sla.guarantee.ClockDuration;
import se.medborgardialog.sla.guarantee.Trigger;
import se.medborgardialog.sla.guarantee.WarningPoint;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * One deadline clock of one case, e.g. {@code first-answer}: the aggregate and its MongoDB document.
 * Immutable; every transition returns the next state with its event appended to {@link #pendingEvents},
 * and a higher {@link #version} the store uses to refuse a write based on a stale read.
 *
 * <p>Instants are kept at millisecond precision (what a BSON date holds), so what was decided and what
 * is stored are the same. For a clock in days {@code dueAt} is derived from {@code dueDate} (the end of that
 * Stockholm day): it is stored only for the scanner's query, and the stored value is truncated. For a clock in hours
 * it is the exact instant, and {@code dueDate} its Stockholm date.
 *
 * <p>A clock started from the catalogue keeps its guarantee's {@link ClockTerms} as they were at the version in force:
 * its duration, what stops, pauses and resumes it, its warning points, suspension periods and compensation. A clock
 * from before the catalogue has none and behaves as then (see {@link ClockTerms#legacy}).
 *
 * <p>While the case waits for the citizen the clock is {@code PAUSED} (since {@code pausedAt}); every pause, open or
 * closed, is kept in {@code pauses}, and a resume moves {@code dueDate} later (see {@link #resume}). A forwarded case
 * keeps its clocks; only {@code unit} changes, as of {@code unitChangedAt}.
 *
 * @param pausedAt      the start of the current pause; null unless {@code PAUSED}
 * @param pauses        every pause of the clock, oldest first
 * @param unitChangedAt when the case was last forwarded (null if never): an older forwarding is not applied again
 * @param terms         the guarantee's terms at the version that governs the clock; null for a clock from before the
 *                      catalogue
 * @param warned        the warning points already warned of, each at most once
 * @param reschedules   every move of the due time by a change of the calendar, oldest first (see {@link #recount})
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
        ClockTerms terms,
        List<String> warned,
        List<Reschedule> reschedules,
        List<PendingEvent> pendingEvents,
        long version) {

    public static final String FIRST_ANSWER = "first-answer";

    @PersistenceCreator
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
        if (terms != null && terms.clockDuration().kind() == ClockDuration.Kind.HOURS) {
            dueAt = millis(Objects.requireNonNull(dueAt, "dueAt of a clock in hours"));
        } else {
            dueAt = endOf(dueDate);
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        warned = warned == null ? List.of() : List.copyOf(warned);
        reschedules = reschedules == null ? List.of() : List.copyOf(reschedules);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** A clock from before the catalogue (no terms), as the store read them then. */
    public Deadline(String id, String caseId, String unit, String clock, int workingDays, Instant receivedAt,
                    LocalDate dueDate, Instant dueAt, DeadlineStatus status, Instant answeredAt, Instant breachedAt,
                    Instant pausedAt, List<Pause> pauses, Instant unitChangedAt, List<PendingEvent> pendingEvents,
                    long version) {
        this(id, caseId, unit, clock, workingDays, receivedAt, dueDate, dueAt, status, answeredAt, breachedAt, pausedAt,
                pauses, unitChangedAt, null, List.of(), List.of(), pendingEvents, version);
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

    /** The id of a warning: the point, and how many pauses the clock had when it was reached. */
    public static String warningEventId(String caseId, String clock, String point, int pauses) {
        return uuidOf(caseId + ":" + clock + ":warning:" + point + ":" + pauses);
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
        return schedule(caseId, unit, clock, workingDays, receivedAt, due.dueDate(), due.dueInstant(), null, now);
    }

    /**
     * Starts the clock a guarantee promises, counting from {@code startedAt} (the receipt, or the event that started
     * it) by the guarantee's terms at its current version. Overdue at once: breached at once, as above.
     */
    public static Deadline schedule(CaseId caseId, String unit, String clock, ClockTerms terms, Instant startedAt,
                                    SwedishCalendar calendar, Instant now) {
        Countdown.Due due = terms.countdown(calendar).from(startedAt);
        return schedule(caseId, unit, clock, terms.clockDuration().workingDays(), startedAt, due.dueDate(), due.dueAt(),
                terms, now);
    }

    private static Deadline schedule(CaseId caseId, String unit, String clock, int workingDays, Instant receivedAt,
                                     LocalDate dueDate, Instant dueAt, ClockTerms terms, Instant now) {
        String caseIdValue = caseId.toString();
        Instant at = millis(now);
        Deadline scheduled = new Deadline(id(caseId, clock), caseIdValue, unit, clock, workingDays, millis(receivedAt),
                dueDate, dueAt, DeadlineStatus.RUNNING, null, null, null, List.of(), null, terms, List.of(), List.of(),
                List.of(new PendingEvent(eventId(caseIdValue, clock, Kind.SCHEDULED), Kind.SCHEDULED, at)), 0);
        return scheduled.isOverdueAt(at) ? scheduled.breach(at).orElseThrow() : scheduled;
    }

    /** The terms the clock keeps: its guarantee's, or today's behaviour for a clock from before the catalogue. */
    public ClockTerms effectiveTerms() {
        return terms != null ? terms : ClockTerms.legacy(workingDays);
    }

    public GuaranteeRef guarantee() {
        return terms == null ? null : terms.ref();
    }

    /**
     * A trigger of the case happened at {@code at} (the event's own time): the clock stops, pauses or resumes if its
     * terms say so (stopping wins), else nothing changes.
     */
    public Optional<Deadline> on(Trigger trigger, Instant at, Instant now, SwedishCalendar calendar) {
        ClockTerms effective = effectiveTerms();
        if (effective.stopOn().contains(trigger)) {
            return stop(at, now);
        }
        if (effective.pauseOn().contains(trigger)) {
            return pause(at, now);
        }
        if (effective.resumeOn().contains(trigger)) {
            return resume(at, now, calendar);
        }
        return Optional.empty();
    }

    /**
     * The next instant the clock needs attention: its earliest warning point not yet warned of (before the due time),
     * else the due time, while it runs; null when it is paused or stopped.
     */
    public Instant nextFireAt() {
        if (status != DeadlineStatus.RUNNING) {
            return null;
        }
        return unwarnedPoints().stream().map(p -> pointAt(p)).filter(at -> at.isBefore(dueAt))
                .min(Comparator.naturalOrder()).orElse(dueAt);
    }

    /**
     * The clock's time has come at {@code now}: a running clock past its due time is breached (its warnings no longer
     * matter); otherwise each warning point reached and not yet warned of is warned of, once ({@code DeadlineWarning}).
     * A paused or stopped clock does nothing.
     */
    public Optional<Deadline> fire(Instant now) {
        if (status != DeadlineStatus.RUNNING) {
            return Optional.empty();
        }
        if (isOverdueAt(now)) {
            return breach(now);
        }
        List<WarningPoint> reached = unwarnedPoints().stream()
                .filter(p -> !pointAt(p).isAfter(now) && pointAt(p).isBefore(dueAt))
                .sorted(Comparator.comparing(this::pointAt))
                .toList();
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        List<String> nextWarned = new ArrayList<>(warned);
        for (WarningPoint point : reached) {
            events.add(new PendingEvent(warningEventId(caseId, clock, point.text(), pauses.size()), Kind.WARNING,
                    millis(now), pauses.size(), point.text()));
            nextWarned.add(point.text());
        }
        return Optional.of(new Deadline(id, caseId, unit, clock, workingDays, receivedAt, dueDate, dueAt, status,
                answeredAt, breachedAt, pausedAt, pauses, unitChangedAt, terms, nextWarned, reschedules, events,
                version + 1));
    }

    /**
     * What {@link #fire} at {@code firedAt} made of the clock, when the timer already published its events (the firing
     * records with ids {@code published}): the same state, without those events left in the outbox. Nothing when the
     * firing is already applied.
     */
    public Optional<Deadline> fired(Instant firedAt, java.util.Set<String> published) {
        return fire(firedAt).map(next -> next.withoutPending(published));
    }

    private Deadline withoutPending(java.util.Set<String> eventIds) {
        return new Deadline(id, caseId, unit, clock, workingDays, receivedAt, dueDate, dueAt, status, answeredAt,
                breachedAt, pausedAt, pauses, unitChangedAt, terms, warned, reschedules,
                pendingEvents.stream().filter(e -> !eventIds.contains(e.eventId())).toList(), version);
    }

    List<WarningPoint> unwarnedPoints() {
        return terms == null ? List.of()
                : terms.warningPoints().stream().filter(p -> !warned.contains(p.text())).toList();
    }

    /**
     * When a warning point is reached, recomputed whenever the clock (re)starts: a time before the due time, or a share
     * of the clock's running time (from its start to its due time, less the time it was paused) after its start and
     * the pauses so far.
     */
    Instant pointAt(WarningPoint point) {
        if (point.before() != null) {
            return dueAt.minus(point.before());
        }
        Duration paused = pauses.stream().filter(p -> p.resumedAt() != null)
                .map(p -> Duration.between(p.pausedAt(), p.resumedAt())).reduce(Duration.ZERO, Duration::plus);
        return point.at(receivedAt.plus(paused), dueAt);
    }

    public CaseId typedCaseId() {
        return new CaseId(UUID.fromString(caseId));
    }

    public boolean isOverdueAt(Instant instant) {
        return status == DeadlineStatus.RUNNING && instant.isAfter(dueAt);
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
        nextPauses.add(Pause.startedAt(at, terms == null ? null : dueAt));
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
        Countdown countdown = effectiveTerms().countdown(calendar);
        int days = countdown.daysGivenBack(pausedAt, at);
        Countdown.Due moved = countdown.moved(new Countdown.Due(dueDate, dueAt), pausedAt, at);
        List<Pause> nextPauses = new ArrayList<>(pauses);
        int number = nextPauses.size();
        nextPauses.set(number - 1, nextPauses.get(number - 1).resumed(at, days, moved));
        Deadline resumed = copy(unit, moved.dueDate(), moved.dueAt(), DeadlineStatus.RUNNING, answeredAt, breachedAt,
                null, nextPauses, unitChangedAt, withEvent(Kind.RESUMED, number, now));
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

    /**
     * The municipality's calendar changed ({@code calendar}, fingerprinted {@code fingerprint}): an open clock counted in
     * working days is counted again from its start, and each of its pauses gives back what it gives back on the new
     * calendar. A due date that moves is recorded ({@link Reschedule}, {@code DeadlineRescheduled} with {@code reason});
     * a running clock whose new due time has already passed at {@code now} is breached at once, as at scheduling.
     *
     * <p>Ignored: a stopped clock (its outcome stands), a clock in hours or calendar time (closed days do not count
     * for them), a clock already counted on this calendar, and one whose due date stays.
     */
    public Optional<Deadline> recount(SwedishCalendar calendar, String fingerprint, String reason, Instant now) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(reason, "reason");
        if ((status != DeadlineStatus.RUNNING && status != DeadlineStatus.PAUSED)
                || effectiveTerms().clockDuration().kind() != ClockDuration.Kind.WORKING_DAYS
                || reschedules.stream().anyMatch(r -> r.calendar().equals(fingerprint))) {
            return Optional.empty();
        }
        Countdown countdown = effectiveTerms().countdown(calendar);
        Countdown.Due due = countdown.from(receivedAt);
        for (Pause pause : pauses) {
            if (pause.resumedAt() != null) {
                due = countdown.moved(due, pause.pausedAt(), pause.resumedAt());
            }
        }
        if (due.dueDate().equals(dueDate)) {
            return Optional.empty();
        }
        Instant at = millis(now);
        List<Reschedule> nextReschedules = new ArrayList<>(reschedules);
        nextReschedules.add(new Reschedule(at, dueAt, due.dueDate(), due.dueAt(), reason, fingerprint));
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        events.add(new PendingEvent(uuidOf(caseId + ":" + clock + ":rescheduled:" + fingerprint), Kind.RESCHEDULED, at,
                nextReschedules.size()));
        Deadline moved = new Deadline(id, caseId, unit, clock, workingDays, receivedAt, due.dueDate(), due.dueAt(), status,
                answeredAt, breachedAt, pausedAt, pauses, unitChangedAt, terms, warned, nextReschedules, events,
                version + 1);
        return Optional.of(moved.isOverdueAt(at) ? moved.breach(at).orElseThrow() : moved);
    }

    private boolean isAfterLastResume(Instant instant) {
        if (pauses.isEmpty()) {
            return true;
        }
        Pause last = pauses.get(pauses.size() - 1);
        return last.resumedAt() != null && instant.isAfter(last.resumedAt());
    }

    public Optional<PendingEvent> pendingEvent(String eventId) {
        return pendingEvents.stream().filter(e -> e.eventId().equals(eventId)).findFirst();
    }

    /** The contract event a pending entry stands for, built from this deadline's facts. */
    public Object eventPayload(PendingEvent event) {
        CaseId typed = typedCaseId();
        GuaranteeRef guarantee = guarantee();
        return switch (event.kind()) {
            case SCHEDULED -> new DeadlineScheduled(typed, clock, unit, workingDays, receivedAt, dueDate, dueAt,
                    guarantee, terms == null ? null : terms.duration());
            case MET -> new DeadlineMet(typed, clock, unit, dueAt, answeredAt, guarantee);
            case BREACHED -> DeadlineEvents.breached(typed, clock, unit, dueAt, breachedAt, terms);
            case PAUSED -> {
                Pause pause = pauseOf(event);
                yield new DeadlinePaused(typed, clock, unit, pause.pausedAt(), guarantee,
                        guarantee == null ? null : dueAtOf(pause.dueAtWhenPaused()));
            }
            case RESUMED -> {
                Pause pause = pauseOf(event);
                yield new DeadlineResumed(typed, clock, unit, pause.resumedAt(), pause.dueDate(),
                        dueAtOf(pause.resumedDueAt()), guarantee);
            }
            case WARNING -> DeadlineEvents.warning(typed, clock, unit, terms, event.point(), dueAt, event.occurredAt());
            case RESCHEDULED -> {
                Reschedule reschedule = reschedules.get(Objects.requireNonNull(event.pause(), "number of the move") - 1);
                yield new DeadlineRescheduled(typed, clock, unit, guarantee, dueAtOf(reschedule.previousDueAt()),
                        reschedule.dueDate(), dueAtOf(reschedule.dueAt()), reschedule.reason(), reschedule.at());
            }
        };
    }

    /**
     * A due time as events carry it: exact for a clock in hours, else the end of its Stockholm day (the store keeps
     * milliseconds, the end of a day has nanoseconds).
     */
    public Instant dueAtOf(Instant stored) {
        if (stored == null) {
            return null;
        }
        return terms != null && terms.clockDuration().kind() == ClockDuration.Kind.HOURS ? stored
                : endOf(Countdown.date(stored));
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
        return copy(nextUnit, nextDueDate, dueAt, nextStatus, nextAnsweredAt, nextBreachedAt, nextPausedAt, nextPauses,
                nextUnitChangedAt, events);
    }

    private Deadline copy(String nextUnit, LocalDate nextDueDate, Instant nextDueAt, DeadlineStatus nextStatus,
                          Instant nextAnsweredAt, Instant nextBreachedAt, Instant nextPausedAt, List<Pause> nextPauses,
                          Instant nextUnitChangedAt, List<PendingEvent> events) {
        return new Deadline(id, caseId, nextUnit, clock, workingDays, receivedAt, nextDueDate, nextDueAt, nextStatus,
                nextAnsweredAt, nextBreachedAt, nextPausedAt, nextPauses, nextUnitChangedAt, terms, warned, reschedules,
                events, version + 1);
    }

    private static Instant endOf(LocalDate date) {
        return Countdown.endOf(date);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
