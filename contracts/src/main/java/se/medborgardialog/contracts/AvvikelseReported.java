package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A staff member reported an avvikelse; it starts its legal flow: case-service opens a case in {@code unit}'s
 * queue, sla-service starts the flow's clocks. Key and subject: {@code submissionId}.
 *
 * @param occurredAt        when it happened
 * @param noticedAt         when it was noticed (at or after {@code occurredAt})
 * @param immediateMeasures what was done at once to protect the person
 * @param affectedPerson    optional and protected; null when not given
 * @param reportedBy        the staff member's user name
 * @param sealed            the personal data ({@link AvvikelsePersonalData}: what happened, the measures and the
 *                          affected person), encrypted for the holders of the event key; those fields are then null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvvikelseReported(
        SubmissionId submissionId,
        TrackingCode trackingCode,
        Law law,
        LegalFlow legalFlow,
        String unit,
        String whatHappened,
        Instant occurredAt,
        Instant noticedAt,
        String immediateMeasures,
        AffectedPerson affectedPerson,
        String reportedBy,
        Instant submittedAt,
        String sealed) {
}
