package se.medborgardialog.cases.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.cases.casework.CaseDeadline;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.contracts.CaseId;

/**
 * What sla-service told us about one deadline clock of one case, kept whether or not the case exists yet, so the
 * events may arrive in any order and any number of times.
 *
 * @param dueAt     the latest deadline reported: sla-service only ever moves a deadline later (a resume)
 * @param pausedAt  the latest pause reported ({@code DeadlinePaused}), null if none
 * @param resumedAt the latest resume reported ({@code DeadlineResumed}), null if none; the clock is paused while its
 *                  latest pause is after its latest resume
 * @param rescheduledAt the latest move of the deadline reported ({@code DeadlineRescheduled}), null if none: a move
 *                  sets the deadline as it says, earlier too (a closed day taken out of the calendar)
 */
@Document("case_deadlines")
record DeadlineRecord(@Id String id, String caseId, String clock, LocalDate dueDate, Instant dueAt,
        DeadlineStatus status, Instant pausedAt, Instant resumedAt, Instant rescheduledAt) {

    @PersistenceCreator
    DeadlineRecord {
    }

    /** A clock never moved by a reschedule. */
    DeadlineRecord(String id, String caseId, String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status,
            Instant pausedAt, Instant resumedAt) {
        this(id, caseId, clock, dueDate, dueAt, status, pausedAt, resumedAt, null);
    }

    /** Running (or paused) clocks first, the one due soonest first: that is the deadline the queue shows. */
    static final Comparator<DeadlineRecord> MOST_RELEVANT_FIRST = Comparator
            .comparing((DeadlineRecord record) -> record.status().isFinal())
            .thenComparing(DeadlineRecord::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    static String idOf(String caseId, String clock) {
        return caseId + ":" + clock;
    }

    /**
     * One event's report about a clock ({@code default} when it names none). Instants are cut to milliseconds, what
     * the store keeps, so a redelivered event compares equal to what it stored the first time.
     */
    static DeadlineRecord reported(CaseId caseId, String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status,
                                   Instant pausedAt, Instant resumedAt) {
        return reported(caseId, clock, dueDate, dueAt, status, pausedAt, resumedAt, null);
    }

    static DeadlineRecord reported(CaseId caseId, String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status,
                                   Instant pausedAt, Instant resumedAt, Instant rescheduledAt) {
        String clockName = clockName(clock);
        return new DeadlineRecord(idOf(caseId.toString(), clockName), caseId.toString(), clockName, dueDate,
                millis(dueAt), status, millis(pausedAt), millis(resumedAt), millis(rescheduledAt));
    }

    static String clockName(String clock) {
        return clock == null ? "default" : clock;
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Combines two reports of the same clock, commutatively: a stopped clock (met or breached) never runs again; the
     * latest deadline wins, with the due date that came with it; the latest pause and the latest resume are kept.
     */
    DeadlineRecord merge(DeadlineRecord other) {
        DeadlineStatus merged = status.isFinal() ? status : other.status();
        DeadlineRecord due = latestMove(this, other);
        if (due == null) {
            due = laterDue(this, other);
        }
        return new DeadlineRecord(id, caseId, clock, due.dueDate(), due.dueAt(), merged,
                latest(pausedAt, other.pausedAt()), latest(resumedAt, other.resumedAt()),
                latest(rescheduledAt, other.rescheduledAt()));
    }

    /**
     * Of two reports, the move ({@code DeadlineRescheduled}) that came last, when the other is an older move or no
     * move at all and carried no later deadline of its own (a resume after the move pushes it later still); null when
     * neither moved it.
     */
    private static DeadlineRecord latestMove(DeadlineRecord a, DeadlineRecord b) {
        if (a.rescheduledAt() == null && b.rescheduledAt() == null) {
            return null;
        }
        DeadlineRecord moved = b.rescheduledAt() != null
                && (a.rescheduledAt() == null || b.rescheduledAt().isAfter(a.rescheduledAt())) ? b : a;
        DeadlineRecord other = moved == a ? b : a;
        boolean otherLater = other.dueAt() != null && moved.dueAt() != null && other.dueAt().isAfter(moved.dueAt())
                && other.rescheduledAt() == null && other.resumedAt() != null
                && other.resumedAt().isAfter(moved.rescheduledAt());
        return otherLater ? other : moved;
    }

    /** Waiting for the citizen: not stopped, and paused after the latest resume. */
    boolean isPaused() {
        return !status.isFinal() && pausedAt != null && (resumedAt == null || pausedAt.isAfter(resumedAt));
    }

    CaseDeadline view() {
        return new CaseDeadline(clock, dueDate, dueAt, status, isPaused() ? pausedAt : null);
    }

    /** The report with the later deadline; of two with the same, the one that carried its due date. */
    private static DeadlineRecord laterDue(DeadlineRecord a, DeadlineRecord b) {
        int order = Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).compare(a.dueAt(), b.dueAt());
        if (order != 0) {
            return order > 0 ? a : b;
        }
        return a.dueDate() != null ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
