package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An e-förslag reached its signature threshold and goes to the nämnd: case-service opens a case (case id = the
 * proposal's UUID) that must be answered within the municipality's time for it. Key and subject: proposal id.
 * Carries no personal data: signatures are only counted.
 *
 * @param namnd the unit (nämnd) that decides it, from the proposal's category
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EforslagSentToNamnd(
        SubmissionId proposalId,
        TrackingCode trackingCode,
        String title,
        String text,
        String category,
        String namnd,
        int signatures,
        int threshold,
        Instant publishedAt,
        Instant thresholdReachedAt,
        Instant sentAt) {
}
