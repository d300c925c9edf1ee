package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A synpunkt was accepted by intake-service. Key and CloudEvents subject: {@code submissionId}.
 *
 * @param receivedAt  when the municipality received it: now for web and app, the real time of receipt
 *                    for a letter, phone call or e-mail registered later by staff (may lie in the past)
 * @param submittedAt when intake-service accepted it
 * @param contact     null when the submission is anonymous
 * @param registeredBy the staff member who registered a non-digital submission; null otherwise
 * @param attachments  files sent with it (images and PDF), stored by intake-service; empty or null when none
 * @param sealed       the personal data ({@link SynpunktPersonalData}: the text and the contact), encrypted for
 *                     the holders of the event key (case-service); {@code text} and {@code contact} are then null.
 *                     Null in events written before sealing, whose personal data is in the plain fields.
 * @param concerns     the case this synpunkt is about, when the citizen complains about how an earlier case went
 *                     (for example a breached tjänstegaranti, through the link sla's breach message gave them);
 *                     case-service links the two cases. Null for a synpunkt about nothing earlier.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SynpunktSubmitted(
        SubmissionId submissionId,
        TrackingCode trackingCode,
        SynpunktKind kind,
        String category,
        String text,
        Channel channel,
        Instant receivedAt,
        Instant submittedAt,
        Contact contact,
        String registeredBy,
        List<AttachmentRef> attachments,
        String sealed,
        CaseId concerns) {

    @JsonCreator
    public SynpunktSubmitted {
    }

    public SynpunktSubmitted(SubmissionId submissionId, TrackingCode trackingCode, SynpunktKind kind, String category,
                             String text, Channel channel, Instant receivedAt, Instant submittedAt, Contact contact,
                             String registeredBy, List<AttachmentRef> attachments, String sealed) {
        this(submissionId, trackingCode, kind, category, text, channel, receivedAt, submittedAt, contact, registeredBy,
                attachments, sealed, null);
    }
}
