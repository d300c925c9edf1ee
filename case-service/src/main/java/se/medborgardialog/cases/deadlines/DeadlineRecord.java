package se.medborgardialog.cases.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.cases.casework.CaseDeadline;
import se.medborgardialog.cases.casework.DeadlineStatus;

/**
 * What sla-service told us about one deadline clock of one case, kept whether or not the case exists yet, so the
 * events may arrive in any order and any number of times.
 */
@Document("case_deadlines")
record DeadlineRecord(@Id String id, String caseId, String clock, LocalDate dueDate, Instant dueAt,
        DeadlineStatus status) {

    /** Running clocks first, the one due soonest first: that is the deadline the queue shows. */
    static final Comparator<DeadlineRecord> MOST_RELEVANT_FIRST = Comparator
            .comparing((DeadlineRecord record) -> record.status().isFinal())
            .thenComparing(DeadlineRecord::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    static String idOf(String caseId, String clock) {
        return caseId + ":" + clock;
    }

    /**
     * Combines two reports of the same clock, commutatively: a stopped clock (met or breached) never runs again,
     * and the due date comes from whichever event carried it.
     */
    DeadlineRecord merge(DeadlineRecord other) {
        DeadlineStatus merged = status.isFinal() ? status : other.status();
        return new DeadlineRecord(id, caseId, clock, dueDate != null ? dueDate : other.dueDate(),
                dueAt != null ? dueAt : other.dueAt(), merged);
    }

    CaseDeadline view() {
        return new CaseDeadline(clock, dueDate, dueAt, status);
    }
}
