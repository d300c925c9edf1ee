package se.medborgardialog.reporting.aggregates;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A poll's changes ({@link #applyAll}) go in one bulk per collection: the changes that touch one cell are one update
 * with all their tokens (it only matches while the cell lacks every one of them). A cell whose update fails on the
 * duplicate key (another writer created it, or it holds one of the tokens already) gets its changes one at a time.
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

    /** One change of the aggregates with its token (see {@link #apply}). */
    public record Tokened(String token, Map<String, Map<String, Long>> delta) {
    }

    /**
     * Applies several changes at once: per collection one bulk of one update per cell, and one entry in the feed.
     * Each change counts once, as with {@link #apply} one at a time.
     */
    public void applyAll(List<Tokened> tokened, Generation generation) {
        if (tokened.isEmpty()) {
            return;
        }
        Map<String, Map<String, Map<String, Long>>> days = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Long>>> months = new LinkedHashMap<>();
        for (Tokened change : tokened) {
            change.delta().forEach((cellId, counters) ->
                    days.computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(change.token(), counters));
            months(change.delta()).forEach((cellId, counters) ->
                    months.computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(change.token(), counters));
        }
        applyAll(generation.days(), days);
        applyAll(generation.months(), months);
        changes.record(generation, days.keySet(), months.keySet());
    }

    /** Removes the tokens of several changes: per collection one bulk of one update per cell. */
    public void releaseAll(List<Tokened> tokened, Generation generation) {
        Map<String, Set<String>> days = new LinkedHashMap<>();
        Map<String, Set<String>> months = new LinkedHashMap<>();
        for (Tokened change : tokened) {
            change.delta().keySet().forEach(cellId ->
                    days.computeIfAbsent(cellId, id -> new LinkedHashSet<>()).add(change.token()));
            months(change.delta()).keySet().forEach(cellId ->
                    months.computeIfAbsent(cellId, id -> new LinkedHashSet<>()).add(change.token()));
        }
        pullAll(generation.days(), days);
        pullAll(generation.months(), months);
    }

    private void applyAll(String collection, Map<String, Map<String, Map<String, Long>>> byCell) {
        if (byCell.isEmpty()) {
            return;
        }
        List<String> cellIds = new ArrayList<>(byCell.keySet());
        List<WriteModel<Document>> updates = new ArrayList<>(cellIds.size());
        for (String cellId : cellIds) {
            Map<String, Map<String, Long>> tokens = byCell.get(cellId);
            Map<String, Long> sum = new TreeMap<>();
            tokens.values().forEach(counters -> counters.forEach((counter, value) -> sum.merge(counter, value, Long::sum)));
            sum.values().removeIf(value -> value == 0);
            Document filter = new Document("_id", cellId);
            Document set = new Document();
            tokens.keySet().forEach(token -> {
                filter.append(TOKENS + "." + token, new Document("$exists", false));
                set.append(TOKENS + "." + token, true);
            });
            Document update = new Document("$set", set).append("$setOnInsert", dimensions(cellId));
            if (!sum.isEmpty()) {
                update.append("$inc", increments(sum));
            }
            updates.add(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true)));
        }
        try {
            mongo.getCollection(collection).bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // a cell created by another writer at once, or holding one of the tokens: its changes one at a time
            for (BulkWriteError error : e.getWriteErrors()) {
                String cellId = cellIds.get(error.getIndex());
                byCell.get(cellId).forEach((token, counters) -> apply(collection, cellId, token, counters));
            }
        }
    }

    private void pullAll(String collection, Map<String, Set<String>> byCell) {
        if (byCell.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(byCell.size());
        byCell.forEach((cellId, tokens) -> {
            Document unset = new Document();
            tokens.forEach(token -> unset.append(TOKENS + "." + token, ""));
            updates.add(new UpdateOneModel<>(new Document("_id", cellId), new Document("$unset", unset)));
        });
        mongo.getCollection(collection).bulkWrite(updates, new BulkWriteOptions().ordered(false));
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
        Document increments = increments(counters);
        Document dimensions = dimensions(cellId);
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

    private static Document increments(Map<String, Long> counters) {
        Document increments = new Document();
        counters.forEach((counter, value) -> increments.append(COUNTERS + "." + counter, value));
        return increments;
    }

    private static Document dimensions(String cellId) {
        String[] parts = cellId.split("\\|", -1);
        Document dimensions = new Document(PERIOD, parts[0]);
        for (int i = 0; i < DIMENSIONS.length; i++) {
            dimensions.append(DIMENSIONS[i], parts[i + 1]);
        }
        return dimensions;
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
