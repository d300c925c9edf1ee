package se.medborgardialog.sla.deadline;

import java.time.Instant;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineWarning;

/**
 * The payloads of the events a clock fires, built from the few facts they carry: one builder for the deadline's own
 * {@link Deadline#eventPayload} and for the timer's {@link ClockEntry}, which fires without reading the deadline, so
 * both publish the same facts under the same ids.
 */
final class DeadlineEvents {

    private DeadlineEvents() {
    }

    static DeadlineBreached breached(CaseId caseId, String clock, String unit, Instant dueAt, Instant breachedAt,
                                     ClockTerms terms) {
        return new DeadlineBreached(caseId, clock, unit, dueAt, breachedAt, terms == null ? null : terms.ref(),
                terms == null || terms.compensation() == null ? null : terms.compensation().text());
    }

    static DeadlineWarning warning(CaseId caseId, String clock, String unit, ClockTerms terms, String point,
                                   Instant dueAt, Instant reachedAt) {
        return new DeadlineWarning(caseId, clock, unit, terms == null ? null : terms.ref(), point, dueAt, reachedAt);
    }
}
