package se.medborgardialog.sla.timer;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How far the consumer of the cases topic got, kept in sla-service's own store: one document per partition, the
 * offset of the next record whose effects are not yet written. Written after a record's writes, so a store that
 * lost its last writes (the embedded store on {@code kill -9}) lost the checkpoint with them, and the consumer,
 * seeking back to it, makes them again. One write covers {@code sla.timer.checkpoint-every} records (a round trip less
 * for the others): the stored checkpoint may lag by that many, which a crash replays; the latest is written before a
 * partition is given up ({@link #flush}).
 */
@Component
class CaseCheckpoints {

    static final String COLLECTION = "case_checkpoints";

    private final MongoOperations mongo;
    private final int every;
    /** Per partition: the next offset handled and not yet written, and how many records since the last write. */
    private final Map<String, long[]> unwritten = new ConcurrentHashMap<>();

    CaseCheckpoints(MongoOperations mongo, TimerProperties properties) {
        this.mongo = mongo;
        this.every = properties.checkpointEvery();
    }

    /**
     * The next offset to read on {@code topic}'s {@code partition}, if one was ever written. Read at assignment: what
     * an earlier ownership of the partition left unwritten is dropped (the consumer goes back to the stored one).
     */
    OptionalLong next(String topic, int partition) {
        unwritten.remove(id(topic, partition));
        Document checkpoint = mongo.findById(id(topic, partition), Document.class, COLLECTION);
        return checkpoint == null ? OptionalLong.empty() : OptionalLong.of(checkpoint.get("offset", Number.class).longValue());
    }

    /** The record at {@code offset} and those before it are written (by the partition's one consumer thread). */
    void written(String topic, int partition, long offset) {
        String id = id(topic, partition);
        long[] pending = unwritten.computeIfAbsent(id, key -> new long[] {-1, 0});
        pending[0] = offset + 1;
        if (++pending[1] >= every) {
            write(id, pending[0]);
            unwritten.remove(id);
        }
    }

    /** Writes the latest checkpoint of these partitions (they are being given up, or the consumer stops). */
    void flush(String topic, Collection<Integer> partitions) {
        for (int partition : partitions) {
            long[] pending = unwritten.remove(id(topic, partition));
            if (pending != null) {
                write(id(topic, partition), pending[0]);
            }
        }
    }

    /** The partition has no checkpoint yet: its first is {@code next}, where the consumer starts. */
    void startAt(String topic, int partition, long next) {
        unwritten.remove(id(topic, partition));
        mongo.upsert(query(where("_id").is(id(topic, partition))), new Update().setOnInsert("offset", next), COLLECTION);
    }

    private void write(String id, long next) {
        mongo.upsert(query(where("_id").is(id)), new Update().set("offset", next), COLLECTION);
    }

    private static String id(String topic, int partition) {
        return topic + "-" + partition;
    }
}
