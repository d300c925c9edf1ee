package se.medborgardialog.intake.submission;

import java.time.Instant;
import java.util.Optional;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * A request that passed validation, in contract terms.
 *
 * @param contact          null when anonymous (absent, or every field blank)
 * @param statedReceivedAt the time of receipt staff stated for a late registration; null means now
 */
record ValidSubmission(
        SynpunktKind kind,
        String category,
        String text,
        Channel channel,
        Contact contact,
        Instant statedReceivedAt) {

    /** Staff channels, and any claim about when it was received, need a registering staff member. */
    boolean requiresStaff() {
        return SwedishTerms.registeredByStaff(channel) || statedReceivedAt != null;
    }

    Optional<Instant> receivedAt() {
        return Optional.ofNullable(statedReceivedAt);
    }
}
