package se.medborgardialog.cases.deadlines;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.contracts.CaseId;

/**
 * Keeps each case's deadline from sla-service's events. Each event is first stored in {@code case_deadlines}, then
 * copied onto the case if it exists; opening a case copies whatever arrived before it. Both sides write first and
 * read second, so whichever comes last sees the other's write.
 *
 * <p>Read-merge-write per clock is safe because all events of a case share its key and partition, so one consumer
 * thread handles them one after the other.
 *
 * <p>A case's records are found through {@link CaseClocks} (the clock names per case), by id: every read here uses
 * the {@code _id} index. The clock is named there before its record is written, so a record is never missed.
 */
@Service
public class DeadlineTracking implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTracking.class);
    /** In {@link CaseClocks#COLLECTION}: the clocks of records kept from before were named (no case id looks like it). */
    static final String NAMED_MARKER = "_named";

    private final MongoTemplate mongo;
    private final CaseStore cases;

    DeadlineTracking(MongoTemplate mongo, CaseStore cases) {
        this.mongo = mongo;
        this.cases = cases;
    }

    /** @return {@code processed}, or {@code duplicate} when the event changed nothing */
    String record(CaseId caseId, String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status) {
        return apply(caseId, DeadlineRecord.reported(caseId, clock, dueDate, dueAt, status, null, null));
    }

    /** The clock waits for the citizen since {@code pausedAt}: the case shows it paused, not counting down. */
    String paused(CaseId caseId, String clock, Instant pausedAt) {
        return apply(caseId, DeadlineRecord.reported(caseId, clock, null, null, DeadlineStatus.RUNNING, pausedAt, null));
    }

    /** The clock runs again since {@code resumedAt}: the case shows the moved deadline. */
    String resumed(CaseId caseId, String clock, Instant resumedAt, LocalDate dueDate, Instant dueAt) {
        return apply(caseId, DeadlineRecord.reported(caseId, clock, dueDate, dueAt, DeadlineStatus.RUNNING, null,
                resumedAt));
    }

    /** sla-service moved the clock's deadline ({@code DeadlineRescheduled}): the case shows the moved one. */
    String rescheduled(CaseId caseId, String clock, Instant rescheduledAt, LocalDate dueDate, Instant dueAt) {
        return apply(caseId, DeadlineRecord.reported(caseId, clock, dueDate, dueAt, DeadlineStatus.RUNNING, null, null,
                rescheduledAt));
    }

    private String apply(CaseId caseId, DeadlineRecord incoming) {
        DeadlineRecord existing = mongo.findById(incoming.id(), DeadlineRecord.class);
        DeadlineRecord merged = existing == null ? incoming : existing.merge(incoming);
        boolean changed = !merged.equals(existing);
        List<String> clocks;
        if (changed) {
            clocks = nameClock(caseId, merged.clock());
            mongo.save(merged);
        } else {
            clocks = clocksOf(caseId);
        }
        boolean applied = applyKnown(caseId, clocks, merged);
        log.info("Deadline {} of case {} is {}{} (case {})", merged.clock(), caseId, merged.status(),
                merged.isPaused() ? ", paused" : "", applied ? "updated" : "not opened yet, kept for later");
        return changed ? "processed" : "duplicate";
    }

    /** Copies the most relevant known deadline onto the case; false when the case does not exist yet. */
    public boolean applyKnown(CaseId caseId) {
        return applyKnown(caseId, clocksOf(caseId), null);
    }

    /**
     * {@link #applyKnown(CaseId)} for newly opened cases, with one read ({@code _id $in}) of which of them have clocks
     * at all: usually none, as sla-service reports a case's deadlines only after it was opened.
     */
    public void applyKnown(Collection<CaseId> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        List<CaseClocks> withClocks = mongo.find(query(where("_id").in(caseIds.stream().map(CaseId::toString)
                .toList())), CaseClocks.class);
        for (CaseClocks clocks : withClocks) {
            if (clocks.clocks() != null) {
                applyKnown(new CaseId(UUID.fromString(clocks.caseId())), clocks.clocks(), null);
            }
        }
    }

    /** @param justWritten the record just written (spares reading it back when it is the case's only clock), or null */
    private boolean applyKnown(CaseId caseId, List<String> clocks, DeadlineRecord justWritten) {
        if (clocks.isEmpty()) {
            return false;
        }
        List<DeadlineRecord> known = justWritten != null && clocks.equals(List.of(justWritten.clock()))
                ? List.of(justWritten)
                : mongo.find(query(where("_id").in(clocks.stream()
                        .map(clock -> DeadlineRecord.idOf(caseId.toString(), clock)).toList())), DeadlineRecord.class);
        return known.stream()
                .sorted(DeadlineRecord.MOST_RELEVANT_FIRST)
                .findFirst()
                .map(deadline -> cases.applyDeadline(caseId, deadline.view()))
                .orElse(false);
    }

    private List<String> clocksOf(CaseId caseId) {
        CaseClocks clocks = mongo.findById(caseId.toString(), CaseClocks.class);
        return clocks == null || clocks.clocks() == null ? List.of() : clocks.clocks();
    }

    /** Names the clock for its case (once) and returns all the case's clock names. */
    private List<String> nameClock(CaseId caseId, String clock) {
        CaseClocks clocks = mongo.findAndModify(query(where("_id").is(caseId.toString())),
                new Update().addToSet("clocks", clock), FindAndModifyOptions.options().upsert(true).returnNew(true),
                CaseClocks.class);
        return clocks == null || clocks.clocks() == null ? List.of(clock) : clocks.clocks();
    }

    /**
     * Records kept before the clocks were named per case get their names once, at start, before any consumer runs. A
     * marker document says it was done, so a start that died half-way names them again (naming is idempotent); before,
     * it ran only while no case had named clocks, and such a start never finished.
     */
    @Override
    public void afterPropertiesSet() {
        if (mongo.findById(NAMED_MARKER, Document.class, CaseClocks.COLLECTION) != null) {
            return;
        }
        Query records = new Query();
        records.fields().include("caseId", "clock");
        int named = 0;
        try (var stream = mongo.stream(records, Document.class, "case_deadlines")) {
            for (Document record : (Iterable<Document>) stream::iterator) {
                mongo.upsert(query(where("_id").is(record.getString("caseId"))),
                        new Update().addToSet("clocks", record.getString("clock")), CaseClocks.COLLECTION);
                named++;
            }
        }
        mongo.upsert(query(where("_id").is(NAMED_MARKER)), new Update().set("clocks", List.of()), CaseClocks.COLLECTION);
        if (named > 0) {
            log.info("Named the clocks of {} deadline records kept before clocks were named per case", named);
        }
    }
}
