package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The signing window of an e-förslag closed below its threshold. Key: proposal id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EforslagExpired(SubmissionId proposalId, int signatures, int threshold, Instant expiredAt) {
}
