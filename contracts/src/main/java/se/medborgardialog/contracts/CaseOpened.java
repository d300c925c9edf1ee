package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * case-service opened a case from a submission and routed it to a unit's queue.
 * The case id carries the submission's UUID, so every event about the case has the same Kafka key.
 * Carries no personal data.
 *
 * @param kind      the kind of synpunkt; null for the other case types
 * @param caseType  which of the four kinds of submission opened it; null in events from before it existed means
 *                  {@link CaseType#SYNPUNKT}
 * @param legalFlow the avvikelse's legal flow; null for the other case types
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
        Instant openedAt,
        CaseType caseType,
        LegalFlow legalFlow) {
}
