package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The clock stopped running while the case waits for the citizen; it cannot be breached while paused.
 *
 * @param guarantee the guarantee (and its version) the clock kept; null in events from before the catalogue
 * @param dueAt     the due time when it paused (the resume moves it); null in events from before the catalogue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlinePaused(CaseId caseId, String clock, String unit, Instant pausedAt, GuaranteeRef guarantee,
        Instant dueAt) {

    @JsonCreator
    public DeadlinePaused {
    }

    public DeadlinePaused(CaseId caseId, String clock, String unit, Instant pausedAt) {
        this(caseId, clock, unit, pausedAt, null, null);
    }
}
