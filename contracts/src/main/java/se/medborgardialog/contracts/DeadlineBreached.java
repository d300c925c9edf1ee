package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The deadline passed unanswered; {@code detectedAt} is when sla-service noticed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineBreached(CaseId caseId, String clock, String unit, Instant dueAt, Instant detectedAt) {
}
