package se.medborgardialog.intake.publishing;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The idempotency store in MongoDB; the key is the document id, so the store itself enforces uniqueness. */
@Component
class IdempotencyRecords {

    private final MongoTemplate mongo;

    IdempotencyRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(mongo.findById(key, IdempotencyRecord.class));
    }

    /** @return false when another request stored a record under this key first */
    boolean insert(IdempotencyRecord record) {
        try {
            mongo.insert(record);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    void markPublished(String key, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("published").is(false)),
                new Update().set("published", true).set("publishedAt", at), IdempotencyRecord.class);
    }
}
