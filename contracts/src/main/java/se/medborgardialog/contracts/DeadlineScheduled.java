package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * sla-service started a deadline clock for a case.
 *
 * @param clock       which promise this is, e.g. {@code first-answer}
 * @param workingDays the promise in working days on the Swedish calendar
 * @param dueDate     the last working day, as a Europe/Stockholm local date
 * @param dueAt       the end of that day (23:59:59.999999999 Europe/Stockholm); answered at or before it is in time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineScheduled(
        CaseId caseId,
        String clock,
        String unit,
        int workingDays,
        Instant receivedAt,
        LocalDate dueDate,
        Instant dueAt) {
}
