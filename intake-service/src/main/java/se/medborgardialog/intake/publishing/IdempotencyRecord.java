package se.medborgardialog.intake.publishing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a request with an Idempotency-Key produced, stored BEFORE its event is published: the pre-generated ids
 * live in {@code event} and {@code receiptJson}, so a retry re-sends the same event and returns the same receipt.
 * {@code published} turns true once the broker acknowledged.
 * Holds personal data (the event carries text and contact details): {@link IdempotencyRecords} stores the event's
 * JSON and the receipt encrypted; see the README on expiry.
 *
 * @param key         the client's Idempotency-Key (unique: it is the document id)
 * @param requestHash SHA-256 of the request as sent, of its kind and of who sent it
 * @param receiptJson the receipt exactly as first returned, whatever its type
 */
@Document("idempotency_records")
public record IdempotencyRecord(
        @Id String key,
        String requestHash,
        IntakeEvent event,
        String receiptJson,
        boolean published,
        Instant createdAt,
        Instant publishedAt) {

    static IdempotencyRecord pending(String key, String requestHash, IntakeEvent event, String receiptJson,
            Instant now) {
        return new IdempotencyRecord(key, requestHash, event, receiptJson, false, now, null);
    }

    /** The same record with its event and receipt replaced (e.g. by their encrypted forms for storage). */
    IdempotencyRecord withContent(IntakeEvent otherEvent, String otherReceiptJson) {
        return new IdempotencyRecord(key, requestHash, otherEvent, otherReceiptJson, published, createdAt,
                publishedAt);
    }

    boolean matches(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }
}
