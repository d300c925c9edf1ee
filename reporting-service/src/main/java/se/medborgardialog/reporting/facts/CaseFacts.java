package se.medborgardialog.reporting.facts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;

/**
 * Records events into the case facts. Every write is an upsert of plain {@code $set}/{@code $min} operations on
 * one document, so an event applied twice changes nothing and events may arrive in any order.
 */
@Component
public class CaseFacts {

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

    private final MongoTemplate mongo;

    CaseFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Real MongoDB uses this index for the date range of a statistics query (the in-process test store ignores
     * it). Created once the application is up and tolerated to fail, so a store that is late does not stop startup.
     */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            mongo.indexOps(CaseFact.class).createIndex(new Index().on("receivedDate", Sort.Direction.ASC));
        } catch (DataAccessException e) {
            log.warn("Could not create the receivedDate index of {}; queries scan the collection: {}",
                    CaseFact.COLLECTION, e.getMessage());
        }
    }

    public Optional<CaseFact> find(CaseId caseId) {
        return Optional.ofNullable(mongo.findById(caseId.toString(), CaseFact.class));
    }

    void opened(CaseOpened event) {
        upsert(event.caseId(), new Update()
                .set("receivedDate", ReceiptDate.of(event.receivedAt()).toString())
                .set("receivedAt", event.receivedAt())
                .set("kind", event.kind())
                .set("category", event.category())
                .set("unit", event.unit())
                .set("channel", event.channel())
                .set("openedAt", event.openedAt()));
    }

    void answered(CaseAnswered event) {
        // $min: should a case be answered again, its first answer is the one that counts.
        upsert(event.caseId(), new Update().min("answeredAt", event.answeredAt()));
    }

    void closed(CaseClosed event) {
        upsert(event.caseId(), new Update().set("closedAt", event.closedAt()));
    }

    void deadlineScheduled(DeadlineScheduled event) {
        upsert(event.caseId(), new Update().set("dueAt", event.dueAt()));
    }

    void deadlineMet(DeadlineMet event) {
        upsert(event.caseId(), new Update().set("dueAt", event.dueAt()));
        // Breached wins: a met arriving after (or duplicated after) a breach leaves the breach standing.
        mongo.updateFirst(Query.query(where("_id").is(event.caseId().toString())
                        .and("deadlineOutcome").ne(DeadlineOutcome.BREACHED)),
                new Update().set("deadlineOutcome", DeadlineOutcome.MET), CaseFact.class);
    }

    void deadlineBreached(DeadlineBreached event) {
        upsert(event.caseId(), new Update()
                .set("dueAt", event.dueAt())
                .set("deadlineOutcome", DeadlineOutcome.BREACHED));
    }

    private void upsert(CaseId caseId, Update update) {
        mongo.upsert(Query.query(where("_id").is(caseId.toString())), update, CaseFact.class);
    }
}
