package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.messaging.PollWrites;

/**
 * The status view in MongoDB: one {@link CaseStatus} per case and one {@link TrackingCodeEntry} per code.
 * Every write is an upsert that sets only the event's own fields and adds its history entry to a set, so
 * a redelivered event changes nothing and events may arrive in any order.
 *
 * <p>While a poll of events is handled on a thread ({@link PollWrites}), that thread's writes are gathered and made
 * when the poll's records are handled: one ordered bulk per collection, in the events' order. Other threads (a
 * citizen's reply, applied at once) write straight away.
 */
@Component
class CaseStatusStore implements PollWrites {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final ThreadLocal<List<Write>> gathered = new ThreadLocal<>();

    /** One upsert, gathered for the poll. */
    private record Write(Class<?> collection, Query query, Update update) {
    }

    CaseStatusStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The first case a code was registered for stays its case. */
    void registerCode(String canonicalCode, UUID caseId, boolean linkedReport) {
        Query byCode = Query.query(Criteria.where("_id").is(canonicalCode));
        Update update = new Update().setOnInsert("caseId", caseId.toString());
        if (linkedReport) {
            update.setOnInsert("linked", true);
        }
        write(TrackingCodeEntry.class, byCode, update);
    }

    /** Sets the event's fields (nulls are left out, so no event erases another's) and adds its entry. */
    void apply(UUID caseId, Fields fields, HistoryEntry entry) {
        Update update = fields.update;
        if (entry != null) {
            update.addToSet("history", entry);
        }
        Query byId = Query.query(Criteria.where("_id").is(caseId.toString()));
        write(CaseStatus.class, byId, update);
    }

    @Override
    public void begin() {
        gathered.set(new ArrayList<>());
    }

    @Override
    public void flush() {
        List<Write> writes = gathered.get();
        gathered.remove();
        if (writes == null || writes.isEmpty()) {
            return;
        }
        Map<Class<?>, List<Write>> byCollection = writes.stream()
                .collect(Collectors.groupingBy(Write::collection, LinkedHashMap::new, Collectors.toList()));
        byCollection.forEach((collection, ofCollection) -> upsert(() -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
            ofCollection.forEach(write -> bulk.upsert(write.query(), write.update()));
            bulk.execute();
        }));
    }

    private void write(Class<?> collection, Query query, Update update) {
        List<Write> poll = gathered.get();
        if (poll != null) {
            poll.add(new Write(collection, query, update));
        } else {
            upsert(() -> mongo.upsert(query, update, collection));
        }
    }

    /** The view of the case the code follows; a linked report's code sees it without the officer's questions. */
    Optional<CaseStatus> findByCode(String canonicalCode) {
        return Optional.ofNullable(mongo.findById(canonicalCode, TrackingCodeEntry.class))
                .map(code -> Optional.ofNullable(mongo.findById(code.caseId(), CaseStatus.class))
                        .map(status -> code.linkedReport() ? status.withoutCitizenInfo() : status)
                        // The code is known, but nothing about its case has been read yet.
                        .orElseGet(() -> new CaseStatus(code.caseId(), null, null, null, null, null, null, null,
                                null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    /** The views of these cases, by case id; a case nothing has been read about is missing. */
    List<CaseStatus> findAll(Collection<String> caseIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), CaseStatus.class);
    }

    /**
     * Two first upserts of one id can race (a case's events come on three topics, each on its own thread); the loser
     * finds the document on its second try. A bulk stops at such a race: it is made again whole, which changes nothing
     * for the upserts it had made.
     */
    private static void upsert(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException | BulkOperationException raced) {
            if (raced instanceof BulkOperationException bulk
                    && bulk.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw bulk;
            }
            write.run();
        }
    }

    static Fields fields() {
        return new Fields();
    }

    static final class Fields {
        private final Update update = new Update();

        Fields set(String field, Object value) {
            if (value != null) {
                update.set(field, value);
            }
            return this;
        }

        /** Keeps the later of the stored and the event's time, so an old or repeated event changes nothing. */
        Fields latest(String field, Instant value) {
            if (value != null) {
                update.max(field, value);
            }
            return this;
        }
    }
}
