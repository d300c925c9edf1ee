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
        dueAt = endOf(dueDate);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    public static String id(CaseId caseId, String clock) {
        return caseId + ":" + clock;
    }

    /** A UUID derived from case, clock and event kind: a re-publication carries the same ce_id. */
    public static String eventId(String caseId, String clock, Kind kind) {
        return UUID.nameUUIDFromBytes((caseId + ":" + clock + ":" + kind.name().toLowerCase())
                .getBytes(StandardCharsets.UTF_8)).toString();
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
                due.dueDate(), due.dueInstant(), DeadlineStatus.RUNNING, null, null,
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
     * The case was answered (or closed, which also stops the clock) at {@code answeredAt}, the event's own
     * time: at or before {@code dueAt} is in time. Late and not yet breached: breached now, and stopped.
     * Already breached: recorded as answered late, no new event. Already stopped: nothing changes.
     */
    public Optional<Deadline> stop(Instant answeredAt, Instant now) {
        Objects.requireNonNull(answeredAt, "answeredAt");
        return switch (status) {
            case RUNNING -> answeredAt.isAfter(dueAt)
                    ? Optional.of(next(DeadlineStatus.BREACHED_ANSWERED_LATE, millis(answeredAt), millis(now), Kind.BREACHED, now))
                    : Optional.of(next(DeadlineStatus.MET, millis(answeredAt), null, Kind.MET, now));
            case BREACHED -> Optional.of(next(DeadlineStatus.BREACHED_ANSWERED_LATE, millis(answeredAt), breachedAt, null, now));
            case MET, BREACHED_ANSWERED_LATE -> Optional.empty();
        };
    }

    /**
     * The clock ran out unanswered, noticed at {@code now}. Already breached: nothing changes. Nothing
     * leaves MET. Breaching a clock that has not run out is a bug and refused loudly.
     */
    public Optional<Deadline> breach(Instant now) {
        return switch (status) {
            case RUNNING -> {
                if (!now.isAfter(dueAt)) {
                    throw new IllegalStateException("Deadline " + id + " is not due until " + dueAt + ", now " + now);
                }
                yield Optional.of(next(DeadlineStatus.BREACHED, null, millis(now), Kind.BREACHED, now));
            }
            case MET, BREACHED, BREACHED_ANSWERED_LATE -> Optional.empty();
        };
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
        };
    }

    private Deadline next(DeadlineStatus nextStatus, Instant nextAnsweredAt, Instant nextBreachedAt, Kind event, Instant now) {
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        if (event != null) {
            events.add(new PendingEvent(eventId(caseId, clock, event), event, millis(now)));
        }
        return new Deadline(id, caseId, unit, clock, workingDays, receivedAt, dueDate, dueAt, nextStatus,
                nextAnsweredAt, nextBreachedAt, events, version + 1);
    }

    private static Instant endOf(LocalDate date) {
        return date.atTime(LocalTime.MAX).atZone(SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
