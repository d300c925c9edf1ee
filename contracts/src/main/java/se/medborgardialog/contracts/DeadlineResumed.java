package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/** The clock runs again; its due date moved by the working days it was paused. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineResumed(CaseId caseId, String clock, String unit, Instant resumedAt, LocalDate dueDate,
        Instant dueAt) {
}
