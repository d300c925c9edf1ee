package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** case-service linked a duplicate felanmälan to an open case instead of opening a new one. Key: case id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DuplicateReportLinked(CaseId caseId, SubmissionId submissionId, String unit, Instant linkedAt) {
}
