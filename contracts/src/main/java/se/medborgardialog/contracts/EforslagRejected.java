package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A moderator rejected an e-förslag before publication, with a reason the proposer is shown. Key: proposal id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EforslagRejected(SubmissionId proposalId, String reason, Instant rejectedAt, String moderatedBy) {
}
