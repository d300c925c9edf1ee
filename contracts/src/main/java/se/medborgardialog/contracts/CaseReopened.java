package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A closed or answered case was opened again to be worked on; its first-answer clock is not restarted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReopened(CaseId caseId, String unit, String reopenedBy, Instant reopenedAt) {
}
