package se.medborgardialog.sla.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseId;

/**
 * Keeps the watch's read model ({@link WatchedClock}, collection {@code watched_clocks}) from the deadlines topic.
 * Idempotent: a redelivered event, or one older than what the clock has seen, changes nothing. Two instances never
 * apply events of one case at once (the consumer group gives a case's partition to one of them); the document's
 * version guards the rest, and a lost race is retried by the binder.
 *
 * <p>A case's clocks are found through {@code watched_case_clocks} (the clock names per case, {@code _id} = the case
 * id), by id: the case's end and reopening update its clocks by their ids. A {@code caseId} filter scanned every
 * watched clock, under the embedded store's lock, on every case answered, closed or reopened.
 */
@Component
public class WatchModel implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WatchModel.class);
    static final String CASE_ENDS = "watched_case_ends";
    static final String CASE_CLOCKS = "watched_case_clocks";
    private static final String CLOCKS = "clocks";
    private static final String NAMED = "_named";

    private final MongoTemplate mongo;
    private final WatchMetrics metrics;

    WatchModel(MongoTemplate mongo, WatchMetrics metrics) {
        this.mongo = mongo;
        this.metrics = metrics;
    }

    /** @return the clock after the change, or empty when the change changed nothing */
    public Optional<WatchedClock> apply(ClockChange change) {
        WatchedClock before = mongo.findById(change.clockId(), WatchedClock.class);
        Optional<WatchedClock> after = before == null ? Optional.of(WatchedClock.first(change)) : before.apply(change);
        if (after.isEmpty()) {
            log.debug("Event {} ({}) changes nothing for case {} clock {}", change.eventId(), change.type(),
                    change.caseId(), change.clock());
            return Optional.empty();
        }
        WatchedClock next = after.get();
        if (before == null) {
            nameClock(change.caseId(), change.clock());
        }
        if (next.state() == WatchState.BREACHED && next.caseEndedAt() == null) {
            Instant ended = caseEndedAt(change.caseId());
            if (ended != null) {
                next = next.caseEnded(ended);
            }
        }
        try {
            next = mongo.save(next);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            throw new OptimisticLockingFailureException("Clock " + change.clockId() + " changed meanwhile; retried",
                    raced);
        }
        if (next.state() == WatchState.BREACHED && (before == null || before.state() != WatchState.BREACHED)) {
            metrics.breached(next.guaranteeKey());
        }
        log.info("Case {} clock {}: {} ({})", change.caseId(), change.clock(), next.state(), change.type());
        return Optional.of(next);
    }

    /**
     * The case was answered or closed (case-service's event): its breached clocks leave the list of open breaches.
     * Remembered for the case too, for a breach that arrives after it (the two topics are read at their own pace).
     */
    public void caseEnded(CaseId caseId, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId.toString())),
                new Update().setOnInsert("endedAt", at), CASE_ENDS);
        List<String> clocks = clockIdsOf(caseId);
        if (!clocks.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(clocks)
                            .and("state").is(WatchState.BREACHED).and("caseEndedAt").is(null)),
                    new Update().set("caseEndedAt", at), WatchedClock.class);
        }
    }

    /** A case reopened: it may be breached and open again. */
    public void caseReopened(CaseId caseId) {
        mongo.remove(Query.query(Criteria.where("_id").is(caseId.toString())), CASE_ENDS);
        List<String> clocks = clockIdsOf(caseId);
        if (!clocks.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(clocks).and("state").is(WatchState.BREACHED)),
                    new Update().unset("caseEndedAt"), WatchedClock.class);
        }
    }

    public Optional<WatchedClock> find(CaseId caseId, String clock) {
        return Optional.ofNullable(mongo.findById(ClockChange.clockId(caseId, clock), WatchedClock.class));
    }

    /** Names the clock for its case, before the clock's first document is saved: a saved clock is always named. */
    private void nameClock(CaseId caseId, String clock) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId.toString())), new Update().addToSet(CLOCKS, clock),
                CASE_CLOCKS);
    }

    private List<String> clockIdsOf(CaseId caseId) {
        Document named = mongo.findById(caseId.toString(), Document.class, CASE_CLOCKS);
        if (named == null || named.getList(CLOCKS, String.class) == null) {
            return List.of();
        }
        return named.getList(CLOCKS, String.class).stream().map(clock -> ClockChange.clockId(caseId, clock)).toList();
    }

    /**
     * Clocks kept before the clocks were named per case get their names once, at start, before any consumer runs; a
     * marker document says it was done (a start that died half-way names them again: naming is idempotent).
     */
    @Override
    public void afterPropertiesSet() {
        if (mongo.findById(NAMED, Document.class, CASE_CLOCKS) != null) {
            return;
        }
        Query clocks = new Query();
        clocks.fields().include("caseId", "clock");
        int named = 0;
        try (var stream = mongo.stream(clocks, Document.class, mongo.getCollectionName(WatchedClock.class))) {
            for (Document clock : (Iterable<Document>) stream::iterator) {
                mongo.upsert(Query.query(Criteria.where("_id").is(clock.getString("caseId"))),
                        new Update().addToSet(CLOCKS, clock.getString("clock")), CASE_CLOCKS);
                named++;
            }
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(NAMED)), new Update().set(CLOCKS, List.of()), CASE_CLOCKS);
        if (named > 0) {
            log.info("Named the clocks of {} watched clocks kept before clocks were named per case", named);
        }
    }

    private Instant caseEndedAt(CaseId caseId) {
        Document ended = mongo.findById(caseId.toString(), Document.class, CASE_ENDS);
        return ended == null ? null : ended.get("endedAt", java.util.Date.class).toInstant();
    }
}
