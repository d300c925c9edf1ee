package se.medborgardialog.sla.deadline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoDeadlineStore implements DeadlineStore {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineStore.class);

    private final MongoOperations mongo;

    MongoDeadlineStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Indexes for the scanner's and the HTTP query. Real MongoDB uses them; the embedded stand-in accepts
     * non-unique indexes but ignores them and scans the collection (STACK.md).
     */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            mongo.indexOps(Deadline.class).createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
            mongo.indexOps(Deadline.class).createIndex(new Index().on("caseId", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            log.warn("Could not create deadline indexes, queries will scan: {}", e.getMessage());
        }
    }

    @Override
    public boolean insert(Deadline deadline) {
        try {
            mongo.insert(deadline);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
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

    @Override
    public List<Deadline> findByCase(String caseId) {
        return mongo.find(query(where("caseId").is(caseId)).with(Sort.by("clock")), Deadline.class);
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
}
