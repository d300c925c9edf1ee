package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * sla-service started a deadline clock for a case.
 *
 * @param clock       which promise this is, e.g. {@code first-answer}
 * @param workingDays the promise in working days on the Swedish calendar; 0 for a clock in calendar time
 * @param receivedAt  when the clock started counting (the receipt, or the event that started it)
 * @param dueDate     the last day, as a Europe/Stockholm local date
 * @param dueAt       when the clock runs out: the end of that day (23:59:59.999999999 Europe/Stockholm) for a clock in
 *                    days, an exact instant for one in hours; answered at or before it is in time
 * @param guarantee   the guarantee (and its version) the clock keeps; null in events from before the catalogue
 * @param duration    the promise as configured, ISO-8601 style: {@code P2WD} (working days), {@code PT8H},
 *                    {@code P3W}, {@code P6M}; null in events from before the catalogue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineScheduled(
        CaseId caseId,
        String clock,
        String unit,
        int workingDays,
        Instant receivedAt,
        LocalDate dueDate,
        Instant dueAt,
        GuaranteeRef guarantee,
        String duration) {

    @JsonCreator
    public DeadlineScheduled {
    }

    public DeadlineScheduled(CaseId caseId, String clock, String unit, int workingDays, Instant receivedAt,
                             LocalDate dueDate, Instant dueAt) {
        this(caseId, clock, unit, workingDays, receivedAt, dueDate, dueAt, null, null);
    }
}
