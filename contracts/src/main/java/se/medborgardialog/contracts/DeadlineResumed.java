package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The clock runs again; its due date moved by the time it was paused.
 *
 * @param guarantee the guarantee (and its version) the clock kept; null in events from before the catalogue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineResumed(CaseId caseId, String clock, String unit, Instant resumedAt, LocalDate dueDate,
        Instant dueAt, GuaranteeRef guarantee) {

    @JsonCreator
    public DeadlineResumed {
    }

    public DeadlineResumed(CaseId caseId, String clock, String unit, Instant resumedAt, LocalDate dueDate,
                           Instant dueAt) {
        this(caseId, clock, unit, resumedAt, dueDate, dueAt, null);
    }
}
