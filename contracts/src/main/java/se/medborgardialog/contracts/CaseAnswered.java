package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An officer recorded the answer to the citizen. The answer text stays in case-service. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAnswered(CaseId caseId, String unit, Instant answeredAt, String answeredBy) {
}
