package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An open clock's due time moved without anything happening on the case, e.g. because the municipality's calendar of
 * closed days changed. case-service records it in the case's history.
 *
 * @param previousDueAt the due time before
 * @param dueDate       the new last day, Europe/Stockholm
 * @param dueAt         the new due time
 * @param reason        why, in Swedish, for the case history (e.g. "Kalendern ändrades: 2027-05-07 stängd")
 * @param rescheduledAt when sla-service moved it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineRescheduled(CaseId caseId, String clock, String unit, GuaranteeRef guarantee,
        Instant previousDueAt, LocalDate dueDate, Instant dueAt, String reason, Instant rescheduledAt) {
}
