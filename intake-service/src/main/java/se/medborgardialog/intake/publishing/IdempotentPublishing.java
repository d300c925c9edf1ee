package se.medborgardialog.intake.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a submission's event exactly once per Idempotency-Key, for every kind of submission. With a key, the
 * prepared event and receipt are stored before publishing, so a retry gets the same receipt and, if the earlier
 * attempt failed, re-publishes the same event (same ce_id) instead of creating a second submission. Without a
 * key the event is simply published. Either way the receipt is returned only after the broker acknowledged.
 */
@Component
public class IdempotentPublishing {

    private static final Logger log = LoggerFactory.getLogger(IdempotentPublishing.class);

    /** An event and the receipt that belongs to it, prepared with fresh ids but not yet published. */
    public record Prepared<R>(IntakeEvent event, R receipt) {
    }

    private final IdempotencyRecords records;
    private final PublishedMarks marks;
    private final IntakeEventPublisher publisher;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    IdempotentPublishing(IdempotencyRecords records, PublishedMarks marks, IntakeEventPublisher publisher,
            JsonMapper jsonMapper, Clock clock) {
        this.records = records;
        this.marks = marks;
        this.publisher = publisher;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key, or null for none
     * @param requestHash    from {@link #requestHash}: the same request from the same caller gives the same hash
     * @param prepare        makes the event and receipt with fresh ids; called at most once per attempt
     * @throws IdempotencyConflictException  when the key was used for a different request
     * @throws EventNotAcknowledgedException when the broker did not acknowledge
     */
    public <R> R publishOnce(String idempotencyKey, String requestHash, Supplier<Prepared<R>> prepare,
            Class<R> receiptType) {
        if (idempotencyKey == null) {
            Prepared<R> prepared = prepare.get();
            publisher.publish(prepared.event());
            return prepared.receipt();
        }
        while (true) {
            var existing = records.find(idempotencyKey);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash, receiptType);
            }
            Prepared<R> prepared = prepare.get();
            if (insertThenPublish(idempotencyKey, requestHash, prepared)) {
                return prepared.receipt();
            }
            // A concurrent request with the same key stored its record first: replay that one.
        }
    }

    /**
     * As {@link #publishOnce}, but for the submissions that come in by the thousand (synpunkter, felanmälningar,
     * avvikelser, e-förslag): the record is inserted first and looked up only when its key is taken, so a new key
     * (nearly every request) costs one round trip to the store before the send instead of two. {@code prepare}
     * therefore runs before it is known whether the key was used; when it was, the prepared event and receipt are
     * discarded and the stored ones replayed. Use it only where {@code prepare} checks nothing that a first attempt
     * changes and stores nothing (a file stored for a request then refused as a conflict would be left behind); a
     * caller that acts on its prepared event after publishing checks that the receipt returned is that event's.
     */
    public <R> R publishOnceInsertingFirst(String idempotencyKey, String requestHash, Supplier<Prepared<R>> prepare,
            Class<R> receiptType) {
        if (idempotencyKey == null) {
            return publishOnce(null, requestHash, prepare, receiptType);
        }
        while (true) {
            Prepared<R> prepared = prepare.get();
            if (insertThenPublish(idempotencyKey, requestHash, prepared)) {
                return prepared.receipt();
            }
            // The key was taken: a retry, or a concurrent request that stored its record first. Replay that one.
            var existing = records.find(idempotencyKey);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash, receiptType);
            }
            // Expired (IdempotencyRetention) in between: the key counts as new again.
        }
    }

    /**
     * {@link #publishOnceInsertingFirst} for a request without files, {@link #publishOnce} for one whose
     * {@code prepare} stores {@code files}: those are stored only once the key is known to be new.
     */
    public <R> R publishOnce(String idempotencyKey, String requestHash, List<?> files, Supplier<Prepared<R>> prepare,
            Class<R> receiptType) {
        return files.isEmpty() ? publishOnceInsertingFirst(idempotencyKey, requestHash, prepare, receiptType)
                : publishOnce(idempotencyKey, requestHash, prepare, receiptType);
    }

    /** @return false, having published nothing, when another request holds the key */
    private boolean insertThenPublish(String idempotencyKey, String requestHash, Prepared<?> prepared) {
        String receiptJson = jsonMapper.writeValueAsString(prepared.receipt());
        if (!records.insert(IdempotencyRecord.pending(idempotencyKey, requestHash, prepared.event(), receiptJson,
                clock.instant()))) {
            return false;
        }
        publisher.publish(prepared.event());
        marks.mark(idempotencyKey);
        return true;
    }

    /** SHA-256 over the request body as JSON, the kind of submission and the caller, so keys cannot be borrowed. */
    public String requestHash(Object request, String kind, String username) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(jsonMapper.writeValueAsBytes(request));
            digest.update((byte) 0);
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    private <R> R replay(IdempotencyRecord record, String requestHash, Class<R> receiptType) {
        if (!record.matches(requestHash)) {
            throw new IdempotencyConflictException();
        }
        if (!record.published() && !marks.isPending(record.key())) {
            log.info("Re-publishing {} {} for a retried request", record.event().type(), record.event().subject());
            publisher.publish(record.event());
            marks.mark(record.key());
        } else {
            log.info("Returning the stored receipt of {} for a retried request", record.event().subject());
        }
        return jsonMapper.readValue(record.receiptJson(), receiptType);
    }
}
