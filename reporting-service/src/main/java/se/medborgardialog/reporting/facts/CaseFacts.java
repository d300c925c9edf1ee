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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
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

    /**
     * The unit is the one the case was routed to only until it is forwarded: a new fact gets it at once, an existing
     * one (a deadline event overtook the opening) right after, and a forwarded one keeps its current unit even when
     * the opening is redelivered.
     */
    void opened(CaseOpened event) {
        upsert(event.caseId(), new Update()
                .set("receivedDate", ReceiptDate.of(event.receivedAt()).toString())
                .set("receivedAt", event.receivedAt())
                .set("kind", event.kind())
                .set("category", event.category())
                .setOnInsert("unit", event.unit())
                .set("channel", event.channel())
                .set("openedAt", event.openedAt()));
        mongo.updateFirst(Query.query(where("_id").is(event.caseId().toString()).and("forwardedAt").is(null)),
                new Update().set("unit", event.unit()), CaseFact.class);
    }

    /**
     * The case moved to another unit's queue: it counts in that unit from now on, in every count of its receipt day's
     * row (received counts follow the case to the unit that has it). Only a forwarding later than the last one
     * applied moves it, so a redelivered one changes nothing.
     */
    void forwarded(CaseForwarded event) {
        String id = event.caseId().toString();
        Update move = new Update().set("unit", event.toUnit()).set("forwardedAt", event.forwardedAt());
        boolean moved = mongo.updateFirst(Query.query(new Criteria().andOperator(where("_id").is(id),
                        new Criteria().orOperator(where("forwardedAt").is(null), where("forwardedAt").lt(event.forwardedAt())))),
                move, CaseFact.class).getMatchedCount() > 0;
        if (!moved) {
            // No fact yet (or a later forwarding already applied, which this leaves alone).
            mongo.upsert(Query.query(where("_id").is(id)), new Update()
                    .setOnInsert("unit", event.toUnit()).setOnInsert("forwardedAt", event.forwardedAt()), CaseFact.class);
        }
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
