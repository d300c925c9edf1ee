package se.medborgardialog.sla.watch;

import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class WatchModel {

    private static final Logger log = LoggerFactory.getLogger(WatchModel.class);
    static final String CASE_ENDS = "watched_case_ends";

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
        mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId.toString())
                        .and("state").is(WatchState.BREACHED).and("caseEndedAt").is(null)),
                new Update().set("caseEndedAt", at), WatchedClock.class);
    }

    /** A case reopened: it may be breached and open again. */
    public void caseReopened(CaseId caseId) {
        mongo.remove(Query.query(Criteria.where("_id").is(caseId.toString())), CASE_ENDS);
        mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId.toString()).and("state")
                .is(WatchState.BREACHED)), new Update().unset("caseEndedAt"), WatchedClock.class);
    }

    public Optional<WatchedClock> find(CaseId caseId, String clock) {
        return Optional.ofNullable(mongo.findById(ClockChange.clockId(caseId, clock), WatchedClock.class));
    }

    private Instant caseEndedAt(CaseId caseId) {
        Document ended = mongo.findById(caseId.toString(), Document.class, CASE_ENDS);
        return ended == null ? null : ended.get("endedAt", java.util.Date.class).toInstant();
    }
}
