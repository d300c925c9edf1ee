package se.medborgardialog.intake.publishing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.personaldata.PersonalDataCipher;

/**
 * The idempotency store in MongoDB; the key is the document id, so the store itself enforces uniqueness.
 * The event's JSON and the receipt hold personal data (names, personnummer, free text): they are stored
 * encrypted with the {@link PersonalDataCipher} and decrypted on read, so callers only ever see plaintext.
 * Records stored before encryption was introduced are read as they are.
 */
@Component
class IdempotencyRecords {

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    IdempotencyRecords(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(mongo.findById(key, IdempotencyRecord.class)).map(this::decrypted);
    }

    /** @return false when another request stored a record under this key first */
    boolean insert(IdempotencyRecord record) {
        try {
            mongo.insert(encrypted(record));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Marks records published, many in one round trip (a bulk of updates; {@link PublishedMarks} collects them),
     * each by its id alone: the embedded store uses an index only for a query on exactly its keys, so the former
     * filter {@code {_id, published: false}} scanned the whole collection on every submission (found by the
     * pipeline benchmark: most of the store's CPU). Marking twice (a retry racing the mark) only moves
     * {@code publishedAt}, which nothing decides on.
     */
    void markPublished(Map<String, Instant> publishedAt) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IdempotencyRecord.class);
        publishedAt.forEach((key, at) -> bulk.updateOne(Query.query(Criteria.where("_id").is(key)),
                new Update().set("published", true).set("publishedAt", at)));
        bulk.execute();
    }

    private IdempotencyRecord encrypted(IdempotencyRecord record) {
        return record.withContent(withJson(record.event(), cipher.encrypt(record.event().json())),
                cipher.encrypt(record.receiptJson()));
    }

    private IdempotencyRecord decrypted(IdempotencyRecord record) {
        return record.withContent(withJson(record.event(), readable(record.event().json())),
                readable(record.receiptJson()));
    }

    private String readable(String stored) {
        return PersonalDataCipher.isEncrypted(stored) ? cipher.decrypt(stored) : stored;
    }

    private static IntakeEvent withJson(IntakeEvent event, String json) {
        return new IntakeEvent(event.key(), event.eventId(), event.type(), event.time(), event.subject(), json);
    }
}
