package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A moderator approved an e-förslag; it is open for signatures until {@code closesAt}. Key: proposal id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EforslagPublished(SubmissionId proposalId, String title, String category, int threshold,
        Instant publishedAt, Instant closesAt, String moderatedBy) {
}
