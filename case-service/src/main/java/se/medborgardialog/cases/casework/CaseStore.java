package se.medborgardialog.cases.casework;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.avvikelse.Avvikelse;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseId;

/**
 * The {@code cases} collection. Every write is a single-document update (the store has no transactions):
 * a state change goes in together with the event that announces it, and officers' changes, deadline updates
 * and "published" marks touch disjoint fields so none of them overwrites another.
 */
@Component
public class CaseStore {

    /** Queue rows never carry personal data, so it is not even read. */
    private static final String[] PERSONAL_AND_BULKY = {"text", "contact", "affectedPersonEncrypted", "photos", "linkedReports", "answer", "answerMail", "history", "outbox"};

    private final MongoTemplate mongo;

    CaseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Case> find(CaseId caseId) {
        return Optional.ofNullable(mongo.findById(caseId.toString(), Case.class));
    }

    /**
     * Inserts a newly opened case with its pending {@code CaseOpened}.
     *
     * @return false when the case already existed (a duplicate submission); nothing was written
     */
    public boolean insertOpened(Case aCase, PendingEvent opened) {
        aCase.stage(opened);
        try {
            mongo.insert(aCase);
            return true;
        } catch (DuplicateKeyException alreadyOpened) {
            return false;
        }
    }

    /**
     * Writes a transition made on {@code aCase} since it was read, with its pending event, only if nobody else
     * changed the case in between (optimistic locking on {@code version}).
     *
     * @throws ConcurrentCaseChangeException with the current case when somebody else won
     */
    public void commit(Case aCase, PendingEvent event) {
        commit(aCase, event, new Update());
    }

    /**
     * {@link #commit} for an answer: the answer's e-mail, when there is one, is queued in the same update. Only here,
     * so a later command never writes an already sent mail back as pending.
     */
    public void commitAnswer(Case aCase, PendingEvent event) {
        Update update = new Update();
        if (aCase.answerMail() != null) {
            update.set("answerMail", aCase.answerMail());
        }
        commit(aCase, event, update);
    }

    private void commit(Case aCase, PendingEvent event, Update update) {
        update
                .set("status", aCase.status())
                .set("answer", aCase.answer())
                .set("closure", aCase.closure())
                .push("history", aCase.lastStep())
                .push("outbox", event)
                .inc("version", 1);
        var result = mongo.updateFirst(
                query(where("_id").is(aCase.caseId().toString()).and("version").is(aCase.version())),
                update, Case.class);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentCaseChangeException(find(aCase.caseId()).orElse(aCase));
        }
    }

    /**
     * Writes an avvikelse's legal step: its recorded state ({@code avvikelse}), the step's history entry and, when the
     * step is announced, its pending {@code AvvikelseStepRecorded}, only if nobody changed the case in between
     * (optimistic locking on {@code version}, as {@link #commit}).
     *
     * @param event null when the step publishes nothing
     * @throws ConcurrentCaseChangeException with the current case when somebody else won
     */
    public void commitAvvikelse(Case aCase, Avvikelse avvikelse, HistoryEntry step, PendingEvent event) {
        Update update = new Update().set("avvikelse", avvikelse).push("history", step).inc("version", 1);
        if (event != null) {
            update.push("outbox", event);
        }
        if (mongo.updateFirst(query(where("_id").is(aCase.caseId().toString()).and("version").is(aCase.version())),
                update, Case.class).getMatchedCount() == 0) {
            throw new ConcurrentCaseChangeException(find(aCase.caseId()).orElse(aCase));
        }
    }

    /**
     * Links a duplicate report to a case with its pending {@code DuplicateReportLinked}, once per submission.
     *
     * @return false when the case does not exist or the report was linked before; nothing was written
     */
    public boolean linkReport(CaseId caseId, LinkedReport report, PendingEvent linked) {
        var result = mongo.updateFirst(
                query(where("_id").is(caseId.toString()).and("linkedReports.submissionId").ne(report.submissionId())),
                new Update().push("linkedReports", report).push("outbox", linked).inc("version", 1), Case.class);
        return result.getModifiedCount() > 0;
    }

    /** Kafka acknowledged the event: it leaves the document. */
    public void markPublished(CaseId caseId, String eventId) {
        mongo.updateFirst(query(where("_id").is(caseId.toString())),
                new Update().pull("outbox", new Document("eventId", eventId)), Case.class);
    }

    /**
     * The SMTP server accepted the answer's e-mail.
     *
     * @return false when it was already marked sent (or is not this case's mail); nothing was written
     */
    public boolean markMailSent(CaseId caseId, String mailId, Instant sentAt) {
        return mongo.updateFirst(query(where("_id").is(caseId.toString()).and("answerMail.mailId").is(mailId)
                        .and("answerMail.sentAt").is(null)),
                new Update().set("answerMail.sentAt", sentAt), Case.class).getModifiedCount() > 0;
    }

    /** Cases whose answer's e-mail was queued before {@code cutoff} and is still not accepted by an SMTP server. */
    public List<Case> withMailPendingSince(Instant cutoff) {
        return mongo.find(query(where("answerMail.mailId").exists(true).and("answerMail.sentAt").is(null)
                .and("answerMail.queuedAt").lt(cutoff)), Case.class);
    }

    /** Sets the deadline view; does nothing when the case is not opened yet (opening applies it later). */
    public boolean applyDeadline(CaseId caseId, CaseDeadline deadline) {
        return mongo.updateFirst(query(where("_id").is(caseId.toString())),
                new Update().set("deadline", deadline), Case.class).getMatchedCount() > 0;
    }

    /** Cases whose events were staged before {@code cutoff} and still not acknowledged (a crash, a broker outage). */
    public List<Case> withEventsPendingSince(Instant cutoff) {
        return mongo.find(query(where("outbox").elemMatch(where("time").lt(cutoff))), Case.class);
    }

    /** Queue rows (no personal data loaded) of the given units and statuses. */
    public List<Case> queue(Collection<String> units, Set<CaseStatus> statuses) {
        Query query = query(where("unit").in(units).and("status").in(statuses));
        query.fields().exclude(PERSONAL_AND_BULKY);
        return mongo.find(query, Case.class);
    }

    /** Open cases per unit, for the gauge. */
    public Map<String, Long> openCasesPerUnit() {
        Query query = query(where("status").is(CaseStatus.OPEN));
        query.fields().include("unit");
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.find(query, Document.class, "cases")) {
            counts.merge(row.getString("unit"), 1L, Long::sum);
        }
        return counts;
    }
}
