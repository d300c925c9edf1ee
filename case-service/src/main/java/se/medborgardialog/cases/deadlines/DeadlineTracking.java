package se.medborgardialog.cases.deadlines;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
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
 */
@Service
public class DeadlineTracking {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTracking.class);

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
        if (changed) {
            mongo.save(merged);
        }
        boolean applied = applyKnown(caseId);
        log.info("Deadline {} of case {} is {}{} (case {})", merged.clock(), caseId, merged.status(),
                merged.isPaused() ? ", paused" : "", applied ? "updated" : "not opened yet, kept for later");
        return changed ? "processed" : "duplicate";
    }

    /** Copies the most relevant known deadline onto the case; false when the case does not exist yet. */
    public boolean applyKnown(CaseId caseId) {
        List<DeadlineRecord> known = mongo.find(query(where("caseId").is(caseId.toString())), DeadlineRecord.class);
        return known.stream()
                .sorted(DeadlineRecord.MOST_RELEVANT_FIRST)
                .findFirst()
                .map(deadline -> cases.applyDeadline(caseId, deadline.view()))
                .orElse(false);
    }
}
