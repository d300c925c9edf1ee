package se.medborgardialog.intake.felanmalan;

import java.util.List;

/**
 * What the reporter gets back; stored as written by the idempotency store, so a retry gets exactly this again.
 *
 * @param receivedAt   ISO-8601 in Swedish local time
 * @param linked       true when the report was linked to an open report of the same fault nearby
 * @param linkedCaseId the case it was linked to, or null
 * @param answerBy     the last day of the promise to get back to the reporter (ISO-8601 date), for a new fault; null
 *                     for a linked report, which follows the existing case's date (on the status page)
 */
public record FelanmalanReceipt(
        String submissionId,
        String trackingCode,
        String receivedAt,
        boolean linked,
        String linkedCaseId,
        String message,
        List<String> photos,
        String answerBy) {

    /** @param photos the names of the photos stored with it, in the order sent (empty when none) */
    public FelanmalanReceipt {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
