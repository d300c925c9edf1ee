package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The deadline passed unanswered; {@code detectedAt} is when sla-service noticed.
 *
 * @param guarantee    the guarantee (and its version) the clock kept; null in events from before the catalogue
 * @param compensation what the citizen is owed for the breach, in Swedish (the guarantee's compensation text), e.g.
 *                     "Avgiften sätts ned med en femtedel per påbörjad vecka"; null when the guarantee promises none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineBreached(CaseId caseId, String clock, String unit, Instant dueAt, Instant detectedAt,
        GuaranteeRef guarantee, String compensation) {

    @JsonCreator
    public DeadlineBreached {
    }

    public DeadlineBreached(CaseId caseId, String clock, String unit, Instant dueAt, Instant detectedAt) {
        this(caseId, clock, unit, dueAt, detectedAt, null, null);
    }
}
