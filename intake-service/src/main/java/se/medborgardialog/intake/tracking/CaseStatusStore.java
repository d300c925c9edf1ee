package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The status view in MongoDB: one {@link CaseStatus} per case and one {@link TrackingCodeEntry} per code.
 * Every write is an upsert that sets only the event's own fields and adds its history entry to a set, so
 * a redelivered event changes nothing and events may arrive in any order.
 */
@Component
class CaseStatusStore {

    private final MongoTemplate mongo;

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
        upsert(() -> mongo.upsert(byCode, update, TrackingCodeEntry.class));
    }

    /** Sets the event's fields (nulls are left out, so no event erases another's) and adds its entry. */
    void apply(UUID caseId, Fields fields, HistoryEntry entry) {
        Update update = fields.update;
        if (entry != null) {
            update.addToSet("history", entry);
        }
        Query byId = Query.query(Criteria.where("_id").is(caseId.toString()));
        upsert(() -> mongo.upsert(byId, update, CaseStatus.class));
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

    /** Two first upserts of one id can race; the loser finds the document on its second try. */
    private static void upsert(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException raced) {
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
