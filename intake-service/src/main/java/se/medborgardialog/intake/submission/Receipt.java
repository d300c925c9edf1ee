package se.medborgardialog.intake.submission;

import java.util.List;

/**
 * What the citizen (or the registering staff member) gets back. Kept as written text, because a retry with
 * the same Idempotency-Key must get exactly the same receipt back from the idempotency store.
 *
 * @param receivedAt when the municipality received it, ISO-8601 in Swedish local time
 * @param answerBy   the last day of the answer promise (a Swedish working day), ISO-8601 date
 * @param answerByAt the end of that day in Swedish local time
 */
public record Receipt(
        String submissionId,
        String trackingCode,
        String receivedAt,
        String answerBy,
        String answerByAt,
        boolean anonymous,
        String message,
        List<String> attachments) {

    /** @param attachments the names of the files stored with it, in the order sent (empty when none) */
    public Receipt {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
