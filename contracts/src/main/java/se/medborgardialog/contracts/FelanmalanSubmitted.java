package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A felanmälan (fault report) was accepted by intake-service. CloudEvents subject: {@code submissionId}.
 * Kafka key: {@code duplicateOf} when intake linked the report to an open case of the same category nearby,
 * otherwise {@code submissionId} (which becomes the new case's id).
 *
 * @param category    a service code from the municipality's felanmälan catalogue, e.g. {@code gatubelysning}
 * @param contact     null when anonymous
 * @param duplicateOf the open case this report duplicates; its reporter follows that case. Null for a new fault.
 * @param channel     WEB, APP or (through Open311) APP
 * @param sealed      the personal data ({@link FelanmalanPersonalData}: the description and the contact), encrypted
 *                    for the holders of the event key; {@code description} and {@code contact} are then null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FelanmalanSubmitted(
        SubmissionId submissionId,
        TrackingCode trackingCode,
        String category,
        String description,
        Location location,
        List<AttachmentRef> photos,
        Channel channel,
        Instant receivedAt,
        Instant submittedAt,
        Contact contact,
        CaseId duplicateOf,
        String sealed) {
}
