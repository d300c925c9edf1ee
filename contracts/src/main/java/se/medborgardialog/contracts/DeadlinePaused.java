package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The clock stopped running while the case waits for the citizen; it cannot be breached while paused. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlinePaused(CaseId caseId, String clock, String unit, Instant pausedAt) {
}
