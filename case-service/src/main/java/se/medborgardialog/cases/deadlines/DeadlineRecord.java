package se.medborgardialog.cases.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.springframework.data.annotation.Id;
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
 */
@Document("case_deadlines")
record DeadlineRecord(@Id String id, String caseId, String clock, LocalDate dueDate, Instant dueAt,
        DeadlineStatus status, Instant pausedAt, Instant resumedAt) {

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
        String clockName = clock == null ? "default" : clock;
        return new DeadlineRecord(idOf(caseId.toString(), clockName), caseId.toString(), clockName, dueDate,
                millis(dueAt), status, millis(pausedAt), millis(resumedAt));
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
        DeadlineRecord due = laterDue(this, other);
        return new DeadlineRecord(id, caseId, clock, due.dueDate(), due.dueAt(), merged,
                latest(pausedAt, other.pausedAt()), latest(resumedAt, other.resumedAt()));
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
