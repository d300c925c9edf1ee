package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * case-service opened a case from a submission and routed it to a unit's queue.
 * The case id carries the submission's UUID, so every event about the case has the same Kafka key.
 * Carries no personal data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(
        CaseId caseId,
        SubmissionId submissionId,
        Diarienummer diarienummer,
        SynpunktKind kind,
        String category,
        Channel channel,
        String unit,
        Instant receivedAt,
        Instant openedAt) {
}
