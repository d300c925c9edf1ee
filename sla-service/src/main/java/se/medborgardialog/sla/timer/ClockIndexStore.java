package se.medborgardialog.sla.timer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.BulkWriteOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The durable copy of the due index ({@code clock_index}): per partition of the cases topic (at a partition count) a
 * fixed number of bucket documents, {@code _id} {@code <partitions>/<partition>/<bucket>}, each a map from clock id to
 * its entry ({@code ClockEntry#toStored}, one string); the clock's bucket is its id's hash. A partition's copy is complete once
 * its marker {@code <partitions>/<partition>} (with the bucket count) is stored.
 *
 * <p>Why buckets: the embedded store answers a query by scanning the whole collection and materialising every match
 * before it returns the first (it ignores non-unique indexes, and a sort or a range on {@code _id} scans too); a lookup
 * by {@code _id} (or {@code _id $in}) is an index lookup. Loading a partition is a few {@code $in} lookups of its
 * buckets, never a scan of the deadlines. Every write changes one field of one bucket ({@code $set} / {@code $unset}),
 * atomic in the store, so concurrent writers of different clocks of a bucket do not lose each other's writes.
 */
@Component
class ClockIndexStore {

    static final String COLLECTION = "clock_index";
    private static final int PAGE = 32;

    private final MongoOperations mongo;

    ClockIndexStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    static String bucketId(int partitions, int partition, int bucket) {
        return partitions + "/" + partition + "/" + bucket;
    }

    static int bucketOf(String clockId, int buckets) {
        return Math.floorMod(clockId.hashCode(), buckets);
    }

    /** A clock id as a field name: the store's paths split on dots. */
    static String key(String clockId) {
        return clockId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String clockId(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Writes entries (a null document removes the clock's entry), one update per bucket touched, unordered.
     *
     * @param changes clock id to its entry's document, or null for none; each with its partition
     */
    void write(int partitions, int buckets, Map<String, Integer> partitionOf, Map<String, String> changes) {
        Map<String, Document[]> byBucket = new LinkedHashMap<>();
        changes.forEach((clockId, entry) -> {
            String bucket = bucketId(partitions, partitionOf.get(clockId), bucketOf(clockId, buckets));
            Document[] update = byBucket.computeIfAbsent(bucket, b -> new Document[] {new Document(), new Document()});
            if (entry == null) {
                update[1].append("e." + key(clockId), "");
            } else {
                update[0].append("e." + key(clockId), entry);
            }
        });
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        byBucket.forEach((bucket, update) -> {
            Document operations = new Document();
            if (!update[0].isEmpty()) {
                operations.append("$set", update[0]);
            }
            if (!update[1].isEmpty()) {
                operations.append("$unset", update[1]);
            }
            updates.add(new UpdateOneModel<>(Filters.eq("_id", bucket), operations, new UpdateOptions().upsert(true)));
        });
        if (!updates.isEmpty()) {
            collection().bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /** Whether the partition's copy is complete at this partition and bucket count. */
    boolean complete(int partitions, int partition, int buckets) {
        Document marker = collection().find(Filters.eq("_id", partitions + "/" + partition)).first();
        return marker != null && marker.get("buckets", Number.class) != null
                && marker.get("buckets", Number.class).intValue() == buckets;
    }

    /** Every entry of the partition's copy, read a page of buckets at a time: (clock id, entry document). */
    void load(int partitions, int partition, int buckets, BiConsumer<String, String> entries) {
        for (int from = 0; from < buckets; from += PAGE) {
            List<String> ids = new ArrayList<>();
            for (int bucket = from; bucket < Math.min(buckets, from + PAGE); bucket++) {
                ids.add(bucketId(partitions, partition, bucket));
            }
            for (Document bucket : collection().find(Filters.in("_id", ids))) {
                Document map = bucket.get("e", Document.class);
                if (map != null) {
                    map.forEach((key, entry) -> entries.accept(clockId(key), (String) entry));
                }
            }
        }
    }

    /** Replaces the partition's copy by {@code entries} (clock id to entry document) and marks it complete. */
    void rebuild(int partitions, int partition, int buckets, Map<String, String> entries) {
        List<String> ids = new ArrayList<>();
        for (int bucket = 0; bucket < buckets; bucket++) {
            ids.add(bucketId(partitions, partition, bucket));
        }
        collection().deleteMany(Filters.in("_id", ids));
        Map<String, Integer> partitionOf = new java.util.HashMap<>();
        entries.keySet().forEach(id -> partitionOf.put(id, partition));
        write(partitions, buckets, partitionOf, entries);
        markComplete(partitions, partition, buckets);
    }

    void markComplete(int partitions, int partition, int buckets) {
        collection().replaceOne(Filters.eq("_id", partitions + "/" + partition),
                new Document("_id", partitions + "/" + partition).append("buckets", buckets),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** No copy is complete any more (a write this instance could not place): the next load rebuilds from the store. */
    void invalidate() {
        collection().deleteMany(Filters.exists("buckets"));
    }

    /** The documents of every bucket touched, for {@code ids} (tests). */
    Collection<Document> all() {
        return collection().find().into(new ArrayList<>());
    }
}
