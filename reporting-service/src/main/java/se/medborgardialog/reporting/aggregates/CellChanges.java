package se.medborgardialog.reporting.aggregates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A short feed of which cells changed, so that every instance's in-memory copy of the cells (the statistics' cube)
 * follows the writes of every other instance: each {@link StatisticCells#apply} records, after its cell writes, one
 * entry naming the day and month cells it touched, stamped with the writer's clock (the service's {@link Clock}). A reader re-reads the
 * named cells by id. Entries older than a few minutes are trimmed; a reader that fell further behind reloads all.
 */
public final class CellChanges {

    public static final String COLLECTION = "cellChanges";

    private final MongoTemplate mongo;
    private final Clock clock;

    public CellChanges(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One change of a generation's cells, named by their ids. */
    public record Change(ObjectId id, int generation, List<String> days, List<String> months, long at) {
    }

    void record(Generation generation, Collection<String> days, Collection<String> months) {
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", new ObjectId())
                .append("generation", generation.number())
                .append("days", List.copyOf(days)).append("months", List.copyOf(months))
                .append("at", clock.millis()));
    }

    /** The entries of a generation stamped at or after {@code at} (epoch milliseconds). */
    public List<Change> since(Generation generation, long at) {
        List<Change> changes = new ArrayList<>();
        for (Document entry : mongo.getCollection(COLLECTION)
                .find(new Document("generation", generation.number()).append("at", new Document("$gte", at)))) {
            changes.add(new Change(entry.getObjectId("_id"), entry.getInteger("generation"),
                    entry.getList("days", String.class), entry.getList("months", String.class), entry.getLong("at")));
        }
        return changes;
    }

    /** Removes the entries stamped before {@code at}, of every generation. */
    public void trim(long at) {
        mongo.getCollection(COLLECTION).deleteMany(new Document("at", new Document("$lt", at)));
    }
}
