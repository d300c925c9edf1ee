package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A citizen submitted an e-förslag; it now awaits moderation in intake-service. Key and subject:
 * {@code proposalId} (the future case id). Carries no personal data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EforslagSubmitted(SubmissionId proposalId, TrackingCode trackingCode, String title, String category,
        Channel channel, Instant submittedAt) {
}
