package se.medborgardialog.sla.deadline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.UnorderedInsert;

@Component
class MongoDeadlineStore implements DeadlineStore {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineStore.class);
    /** Which clocks each case has: {@code _id} the case id, {@code clocks} the deadline ids (see {@link #findByCase}). */
    static final String CASES = "deadline_cases";
    /** What the timer published and the deadlines do not show yet (see {@link Firing}). */
    static final String FIRINGS = "deadline_firings";

    private final MongoOperations mongo;

    MongoDeadlineStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Indexes for the scanner's and the HTTP query. Real MongoDB uses them; the embedded stand-in accepts
     * non-unique indexes but ignores them and scans the collection (STACK.md), and yet reads every document twice, under
     * its database lock, each time one is created: at a million clocks minutes in which nothing else is answered. So
     * they are created on an empty collection (a first start, anywhere) or where the store lists non-unique indexes it
     * keeps (real MongoDB: a no-op once they exist), not again on a filled embedded store.
     */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            var indexes = mongo.indexOps(Deadline.class);
            boolean keepsSecondary = indexes.getIndexInfo().stream()
                    .anyMatch(info -> !info.isUnique() && !"_id_".equals(info.getName()));
            if (keepsSecondary || mongo.getCollection("deadlines").estimatedDocumentCount() == 0) {
                indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
                indexes.createIndex(new Index().on("caseId", Sort.Direction.ASC));
            } else {
                log.info("The store keeps no non-unique index on the filled deadlines: not creating them (a full pass each)");
            }
            // Unique by construction (the _id is): it is here for the embedded store, which uses an index only
            // when a query names exactly its keys, so the conditional replace by _id and version is a lookup, not
            // a scan of every deadline.
            indexes.createIndex(new Index().on("_id", Sort.Direction.ASC)
                    .on("version", Sort.Direction.ASC).unique().named("id_version"));
        } catch (RuntimeException e) {
            log.warn("Could not create deadline indexes, queries will scan: {}", e.getMessage());
        }
    }

    @Override
    public boolean insert(Deadline deadline) {
        // First the case's list of clocks, so a clock is never stored without being findable by its case.
        mongo.upsert(query(where("_id").is(deadline.caseId())), new Update().addToSet("clocks", deadline.id()), CASES);
        try {
            mongo.insert(deadline);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Three round trips whatever the number: the cases' lists of clocks first (one unordered bulk of upserts), then
     * the deadlines in one unordered {@code insertMany}, where one that exists (a racing redelivery) does not keep the
     * others out.
     */
    @Override
    public Set<String> insertAll(List<Deadline> deadlines) {
        if (deadlines.isEmpty()) {
            return Set.of();
        }
        Map<String, List<String>> clocksByCase = new LinkedHashMap<>();
        deadlines.forEach(d -> clocksByCase.computeIfAbsent(d.caseId(), id -> new ArrayList<>()).add(d.id()));
        BulkOperations cases = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CASES);
        clocksByCase.forEach((caseId, clocks) -> cases.upsert(query(where("_id").is(caseId)),
                new Update().addToSet("clocks").each(clocks.toArray())));
        cases.execute();
        BitSet inserted = UnorderedInsert.ifAbsent(mongo, Deadline.class, deadlines);
        Set<String> stored = new LinkedHashSet<>();
        inserted.stream().forEach(index -> stored.add(deadlines.get(index).id()));
        return stored;
    }

    @Override
    public Optional<Deadline> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Deadline.class));
    }

    @Override
    public boolean replace(Deadline current, Deadline next) {
        return mongo.replace(query(where("_id").is(current.id()).and("version").is(current.version())), next)
                .getMatchedCount() == 1;
    }

    @Override
    public void markPublished(String id, String eventId) {
        mongo.updateFirst(query(where("_id").is(id)),
                new Update().pull("pendingEvents", new Document("eventId", eventId)).inc("version", 1),
                Deadline.class);
    }

    @Override
    public List<Deadline> findRunningDueBefore(Instant instant, int limit) {
        return mongo.find(query(where("status").is(DeadlineStatus.RUNNING).and("dueAt").lt(instant))
                .with(Sort.by("dueAt")).limit(limit), Deadline.class);
    }

    @Override
    public List<Deadline> findWithEventsPendingSince(Instant before, int limit) {
        return mongo.find(query(where("pendingEvents").elemMatch(where("occurredAt").lt(before))).limit(limit),
                Deadline.class);
    }

    /**
     * By the case's list of clocks: two lookups by id, where a query on {@code caseId} scans every deadline of the
     * embedded store (it ignores non-unique indexes). Deadlines stored before that list existed are found by the scan.
     */
    @Override
    public List<Deadline> findByCase(String caseId) {
        Document clocks = mongo.findById(caseId, Document.class, CASES);
        if (clocks == null) {
            return mongo.find(query(where("caseId").is(caseId)).with(Sort.by("clock")), Deadline.class);
        }
        return findAll(clocks.getList("clocks", String.class)).stream()
                .sorted(java.util.Comparator.comparing(Deadline::clock)).toList();
    }

    @Override
    public List<String> findOpenIds() {
        var open = query(where("status").in(DeadlineStatus.RUNNING, DeadlineStatus.PAUSED));
        open.fields().include("_id");
        return mongo.find(open, Document.class, "deadlines").stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public long countRunning() {
        return mongo.count(query(where("status").is(DeadlineStatus.RUNNING)), Deadline.class);
    }

    @Override
    public List<Deadline> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), Deadline.class);
    }

    /**
     * One unordered bulk write of conditional replacements. The bulk result only counts matches; when one did not
     * match (a concurrent write), the deadlines are read back and a replacement counts as stored when the stored
     * version and pending events are its own.
     */
    @Override
    public Set<String> replaceAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Deadline.class);
        for (Change change : changes) {
            bulk.replaceOne(query(where("_id").is(change.current().id()).and("version").is(change.current().version())),
                    change.next(), FindAndReplaceOptions.none());
        }
        Set<String> written = new HashSet<>();
        if (bulk.execute().getMatchedCount() == changes.size()) {
            changes.forEach(change -> written.add(change.next().id()));
            return written;
        }
        Map<String, Deadline> stored = new java.util.HashMap<>();
        findAll(changes.stream().map(change -> change.next().id()).toList()).forEach(d -> stored.put(d.id(), d));
        for (Change change : changes) {
            Deadline now = stored.get(change.next().id());
            if (now != null && now.version() == change.next().version()
                    && now.pendingEvents().equals(change.next().pendingEvents())) {
                written.add(now.id());
            }
        }
        return written;
    }

    @Override
    public void markPublished(Map<String, List<String>> eventIdsByDeadline) {
        if (eventIdsByDeadline.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Deadline.class);
        eventIdsByDeadline.forEach((id, eventIds) -> bulk.updateOne(query(where("_id").is(id)),
                new Update().pull("pendingEvents", new Document("eventId", new Document("$in", eventIds))).inc("version", 1)));
        bulk.execute();
    }

    @Override
    public void insertFirings(List<Firing> firings) {
        if (firings.isEmpty()) {
            return;
        }
        // a firing stored already was recorded before (a re-fire)
        UnorderedInsert.ifAbsent(mongo, FIRINGS, firings.stream().map(MongoDeadlineStore::document).toList());
    }

    @Override
    public List<Firing> findFirings() {
        List<Firing> firings = new java.util.ArrayList<>();
        mongo.getCollection(FIRINGS).find().forEach(d -> firings.add(firing(d)));
        return firings;
    }

    @Override
    public Optional<Firing> findFiring(String eventId) {
        return Optional.ofNullable(mongo.getCollection(FIRINGS).find(new Document("_id", eventId)).first())
                .map(MongoDeadlineStore::firing);
    }

    @Override
    public void deleteFirings(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            mongo.getCollection(FIRINGS).deleteMany(new Document("_id", new Document("$in", List.copyOf(eventIds))));
        }
    }

    private static Document document(Firing firing) {
        return new Document("_id", firing.eventId()).append("deadline", firing.deadlineId())
                .append("kind", firing.kind().name()).append("point", firing.point())
                .append("firedAt", Date.from(firing.firedAt())).append("version", firing.version());
    }

    private static Firing firing(Document document) {
        return new Firing(document.getString("_id"), document.getString("deadline"),
                PendingEvent.Kind.valueOf(document.getString("kind")), document.getString("point"),
                document.getDate("firedAt").toInstant(), document.get("version", Number.class).longValue());
    }

    @Override
    public void forEachRunning(Consumer<Deadline> action) {
        try (Stream<Deadline> running = mongo.stream(query(where("status").is(DeadlineStatus.RUNNING)), Deadline.class)) {
            running.forEach(action);
        }
    }
}
