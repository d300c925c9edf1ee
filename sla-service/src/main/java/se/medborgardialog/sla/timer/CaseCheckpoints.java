package se.medborgardialog.sla.timer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.OptionalLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How far the consumer of the cases topic got, kept in sla-service's own store: one document per partition, the
 * offset of the next record whose effects are not yet written. Written after a record's writes, so a store that
 * lost its last writes (the embedded store on {@code kill -9}) lost the checkpoint with them, and the consumer,
 * seeking back to it, makes them again.
 */
@Component
class CaseCheckpoints {

    static final String COLLECTION = "case_checkpoints";

    private final MongoOperations mongo;

    CaseCheckpoints(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The next offset to read on {@code topic}'s {@code partition}, if one was ever written. */
    OptionalLong next(String topic, int partition) {
        Document checkpoint = mongo.findById(id(topic, partition), Document.class, COLLECTION);
        return checkpoint == null ? OptionalLong.empty() : OptionalLong.of(checkpoint.get("offset", Number.class).longValue());
    }

    /** The record at {@code offset} and those before it are written. */
    void written(String topic, int partition, long offset) {
        mongo.upsert(query(where("_id").is(id(topic, partition))), new Update().set("offset", offset + 1), COLLECTION);
    }

    /** The partition has no checkpoint yet: its first is {@code next}, where the consumer starts. */
    void startAt(String topic, int partition, long next) {
        mongo.upsert(query(where("_id").is(id(topic, partition))), new Update().setOnInsert("offset", next), COLLECTION);
    }

    private static String id(String topic, int partition) {
        return topic + "-" + partition;
    }
}
