package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed(CaseId caseId, String unit, CaseOutcome outcome, Instant closedAt, String closedBy) {
}
