package se.medborgardialog.intake.submission;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a request with an Idempotency-Key produced, stored BEFORE its event is published: the
 * pre-generated ids live in {@code event} and {@code receipt}, so a retry re-sends the same event and
 * returns the same receipt. {@code published} turns true once the broker acknowledged.
 * Holds personal data (the event carries text and contact details); see the README on expiry.
 *
 * @param key         the client's Idempotency-Key (unique: it is the document id)
 * @param requestHash SHA-256 of the request as sent and of who sent it
 */
@Document("idempotency_records")
record IdempotencyRecord(
        @Id String key,
        String requestHash,
        SubmissionEvent event,
        Receipt receipt,
        boolean published,
        Instant createdAt,
        Instant publishedAt) {

    static IdempotencyRecord pending(String key, String requestHash, SubmissionEvent event, Receipt receipt,
            Instant now) {
        return new IdempotencyRecord(key, requestHash, event, receipt, false, now, null);
    }

    boolean matches(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }
}
