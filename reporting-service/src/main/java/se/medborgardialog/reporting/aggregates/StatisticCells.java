package se.medborgardialog.reporting.aggregates;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The aggregate cells: one document per Stockholm day (collection {@code days}) and per month ({@code months}) and
 * combination of case type, kind, category, unit, nämnd and channel, with its counters in {@code n}. Lookups are by
 * {@code _id} only (the embedded store ignores other indexes).
 *
 * <p>A change is applied with a token (the fact's id and revision): the cell takes the increments and the token (a field of
 * {@code tokens}) in one update that only matches while the cell lacks the token, so applying the same change twice (after a crash between
 * the cell and the fact) adds nothing. The token is removed again once the fact no longer holds the change as pending.
 */
@Component
public class StatisticCells {

    public static final String COUNTERS = "n";
    public static final String PERIOD = "period";
    public static final String[] DIMENSIONS = {"caseType", "kind", "category", "unit", "namnd", "channel"};
    private static final String TOKENS = "tokens";

    private final MongoTemplate mongo;
    private final CellChanges changes;

    public StatisticCells(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.changes = new CellChanges(mongo, clock);
    }

    /**
     * Applies a change to its day and month cells, then records which cells it touched in the {@link CellChanges} feed
     * (also when the cells already held the token, so a change finished after a crash is announced too).
     */
    public void apply(String token, Map<String, Map<String, Long>> delta, Generation generation) {
        delta.forEach((cellId, counters) -> apply(generation.days(), cellId, token, counters));
        // several days of one change can fall in one month: one update (one token) per month cell
        Map<String, Map<String, Long>> months = months(delta);
        months.forEach((cellId, counters) -> apply(generation.months(), cellId, token, counters));
        changes.record(generation, delta.keySet(), months.keySet());
    }

    public void release(String token, Map<String, Map<String, Long>> delta, Generation generation) {
        delta.keySet().forEach(cellId -> pull(generation.days(), cellId, token));
        months(delta).keySet().forEach(cellId -> pull(generation.months(), cellId, token));
    }

    /** A change of daily cells as the change of their monthly cells. */
    public static Map<String, Map<String, Long>> months(Map<String, Map<String, Long>> days) {
        Map<String, Map<String, Long>> months = new TreeMap<>();
        days.forEach((cellId, counters) -> counters.forEach((counter, value) ->
                months.computeIfAbsent(monthOf(cellId), id -> new TreeMap<>()).merge(counter, value, Long::sum)));
        months.values().forEach(counters -> counters.values().removeIf(value -> value == 0));
        months.values().removeIf(Map::isEmpty);
        return months;
    }

    /** A day cell's id {@code 2026-03-02|...} as its month's: {@code 2026-03|...}. */
    public static String monthOf(String dayCellId) {
        return dayCellId.substring(0, 7) + dayCellId.substring(10);
    }

    private void apply(String collection, String cellId, String token, Map<String, Long> counters) {
        Document increments = new Document();
        counters.forEach((counter, value) -> increments.append(COUNTERS + "." + counter, value));
        String[] parts = cellId.split("\\|", -1);
        Document dimensions = new Document(PERIOD, parts[0]);
        for (int i = 0; i < DIMENSIONS.length; i++) {
            dimensions.append(DIMENSIONS[i], parts[i + 1]);
        }
        Document filter = new Document("_id", cellId).append(TOKENS + "." + token, new Document("$exists", false));
        Document update = new Document("$inc", increments).append("$set", new Document(TOKENS + "." + token, true));
        try {
            mongo.getCollection(collection).updateOne(filter,
                    new Document(update).append("$setOnInsert", dimensions), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            applyToExisting(collection, filter, update);
        } catch (DuplicateKeyException e) {
            applyToExisting(collection, filter, update);
        }
    }

    /**
     * The upsert found no cell without the token and could not insert one: the cell exists. Either it holds the token
     * (this change was applied before: the update matches nothing) or another writer inserted it between the upsert's
     * look-up and its insert (another change, on another consumer thread or instance: the update applies this one).
     */
    private void applyToExisting(String collection, Document filter, Document update) {
        mongo.getCollection(collection).updateOne(filter, update);
    }

    private void pull(String collection, String cellId, String token) {
        mongo.getCollection(collection).updateOne(new Document("_id", cellId),
                new Document("$unset", new Document(TOKENS + "." + token, "")));
    }
}
