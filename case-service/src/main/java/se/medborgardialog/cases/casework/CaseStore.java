package se.medborgardialog.cases.casework;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.avvikelse.Avvikelse;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
    private static final String[] PERSONAL_AND_BULKY = {"text", "contact",
            "affectedPersonEncrypted", "photos", "linkedReports", "answer", "answers", "answerMail", "mails", "history",
            "outbox", "questions", "replies", "notes", "forwardings"};

    /**
     * The writers of fields no transition rewrites (the outbox's and the mails' marks, the deadline view) name the
     * collection, not the class: Spring Data would otherwise bump the version, and an officer's command read just
     * before such a mark would fail as a concurrent change although nothing it writes had changed.
     */
    private static final String COLLECTION = "cases";

    private final MongoTemplate mongo;

    CaseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Case> find(CaseId caseId) {
        return Optional.ofNullable(mongo.findById(caseId.toString(), Case.class));
    }

    /**
     * Inserts a newly opened case with its pending {@code CaseOpened} (and whatever its opening announces after it,
     * in order: a complaint's {@code CasesLinked}).
     *
     * @return false when the case already existed (a duplicate submission); nothing was written
     */
    public boolean insertOpened(Case aCase, PendingEvent opened, PendingEvent... after) {
        aCase.stage(opened);
        for (PendingEvent event : after) {
            aCase.stage(event);
        }
        try {
            mongo.insert(aCase);
            return true;
        } catch (DuplicateKeyException alreadyOpened) {
            return false;
        }
    }

    /** A newly opened case and its pending {@code CaseOpened}, for {@link #insertAllOpened}. */
    public record NewCase(Case aCase, PendingEvent opened) {
    }

    /**
     * The cases of these ids that exist, in one read by {@code _id $in}, with only their pending events (what a
     * redelivered submission may still have to push out).
     */
    public List<Case> pendingOf(Collection<CaseId> caseIds) {
        Query ids = query(where("_id").in(caseIds.stream().map(CaseId::toString).toList()));
        ids.fields().include("outbox");
        return mongo.find(ids, Case.class);
    }

    /**
     * Inserts newly opened cases, each with its pending {@code CaseOpened}, in one unordered {@code insertMany}: one
     * case that exists already (a racing redelivery) does not keep the others out.
     *
     * @return the ids of the cases that already existed; nothing was written for them
     */
    public Set<CaseId> insertAllOpened(List<NewCase> cases) {
        List<Document> documents = new ArrayList<>(cases.size());
        for (NewCase newCase : cases) {
            newCase.aCase().stage(newCase.opened());
            Document document = new Document();
            mongo.getConverter().write(newCase.aCase(), document);
            // what MongoTemplate.insert does for the @Version field: a new document starts at version 0
            document.put("version", 0L);
            documents.add(document);
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException someNotInserted) {
            Set<CaseId> existed = new HashSet<>();
            for (BulkWriteError error : someNotInserted.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw someNotInserted;
                }
                existed.add(cases.get(error.getIndex()).aCase().caseId());
            }
            return existed;
        }
    }

    /**
     * Writes the transitions made on {@code aCase} since it was read, with their pending events (in order), only if
     * nobody else changed the case in between (optimistic locking on {@code version}).
     *
     * <p>Every field an officer's transition may change is written from the case as it is in memory; the version
     * check makes that safe, because every other writer of those fields bumps the version too. The fields other
     * writers own without bumping it are never overwritten: the outbox and the mails only get the new entries
     * appended (the relays pull or mark entries in place), and the deadline view and the duplicate reports are not
     * touched at all.
     *
     * @throws ConcurrentCaseChangeException with the current case when somebody else won
     */
    public void commit(Case aCase, List<PendingEvent> events) {
        Update update = new Update()
                .set("status", aCase.status())
                .set("answers", aCase.answers())
                // an answer stored before answers were a list now lives in "answers"
                .unset("answer")
                .set("closure", aCase.closure())
                .set("assignee", aCase.assignee())
                .set("unit", aCase.unit())
                .set("waitingSince", aCase.waitingSince())
                .set("questions", aCase.questions())
                .set("replies", aCase.replies())
                .set("notes", aCase.notes())
                .set("forwardings", aCase.forwardings())
                .set("links", aCase.links())
                .set("decisionDemand", aCase.decisionDemand())
                .set("history", aCase.history())
                .inc("version", 1);
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        if (!aCase.queuedMails().isEmpty()) {
            update.push("mails").each(aCase.queuedMails().toArray());
        }
        var result = mongo.updateFirst(
                query(where("_id").is(aCase.caseId().toString()).and("version").is(aCase.version())),
                update, Case.class);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentCaseChangeException(find(aCase.caseId()).orElse(aCase));
        }
    }

    /** {@link #commit(Case, List)} of a transition with one event. */
    public void commit(Case aCase, PendingEvent event) {
        commit(aCase, List.of(event));
    }

    /** Cases with a link to {@code caseId} (the other side of links made from them); ids, units and links only. */
    public List<Case> linkedTo(Collection<String> caseIds) {
        Query query = query(where("links.caseId").in(caseIds));
        query.fields().include("diarienummer", "unit", "status", "links", "version");
        return mongo.find(query, Case.class);
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

    /**
     * Records a breached guarantee of the case's clock (with its history entry and, for a tjänstegaranti, the mail to
     * the citizen), once per clock. Bumps the version like an officer's change: an officer's command read before
     * it would otherwise write the history back without this entry.
     *
     * @return false when the case does not exist or this clock's breach was recorded before; nothing was written
     */
    public boolean recordGuaranteeBreach(CaseId caseId, Case.BreachRecorded recorded) {
        Update update = new Update().push("guaranteeBreaches", recorded.breach()).push("history", recorded.step())
                .inc("version", 1);
        if (recorded.mail() != null) {
            update.push("mails", recorded.mail());
        }
        return mongo.updateFirst(query(where("_id").is(caseId.toString())
                        .and("guaranteeBreaches.clock").ne(recorded.breach().clock())), update, Case.class)
                .getModifiedCount() > 0;
    }

    /**
     * Adds an entry to the case's history for something another service or case told it, once per {@code noticeId}
     * (a redelivered event adds nothing). Bumps the version, as {@link #recordGuaranteeBreach}.
     *
     * @return false when the case does not exist or the notice was recorded before
     */
    public boolean addHistoryOnce(CaseId caseId, String noticeId, HistoryEntry entry) {
        return mongo.updateFirst(query(where("_id").is(caseId.toString()).and("recordedNotices").ne(noticeId)),
                new Update().push("recordedNotices", noticeId).push("history", entry).inc("version", 1), Case.class)
                .getModifiedCount() > 0;
    }

    /**
     * Every case received before {@code before}, read with only what counting needs (dimensions, receipt, the answers'
     * times, the history's steps and the pending events): no personal data is read.
     */
    public void forEachReceivedBefore(Instant before, java.util.function.Consumer<Case> action) {
        Query counted = query(where("receivedAt").lt(before));
        counted.fields().include("caseType", "kind", "category", "unit", "channel", "receivedAt", "answer.answeredAt",
                "answers.answeredAt", "history.what", "history.when", "outbox");
        try (var cases = mongo.stream(counted, Case.class)) {
            cases.forEach(action);
        }
    }

    /** Kafka acknowledged the event: it leaves the document. */
    public void markPublished(CaseId caseId, String eventId) {
        mongo.updateFirst(query(where("_id").is(caseId.toString())),
                new Update().pull("outbox", new Document("eventId", eventId)), COLLECTION);
    }

    /**
     * Kafka acknowledged these events: they leave their documents, all in one update ({@code _id $in}, so the store
     * finds the cases by their index).
     */
    public void markPublished(Map<CaseId, List<String>> eventIdsByCase) {
        if (eventIdsByCase.isEmpty()) {
            return;
        }
        List<String> caseIds = eventIdsByCase.keySet().stream().map(CaseId::toString).toList();
        List<String> eventIds = eventIdsByCase.values().stream().flatMap(List::stream).toList();
        mongo.updateMulti(query(where("_id").in(caseIds)),
                new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))), COLLECTION);
    }

    /**
     * The SMTP server accepted the mail.
     *
     * @return false when it was already marked sent (or is not this case's mail); nothing was written
     */
    public boolean markMailSent(CaseId caseId, String mailId, Instant sentAt) {
        // mails are only ever appended, so a mail's index stays its index; the update names it by index (and checks
        // the id there) rather than with the positional operator, which the embedded store does not apply
        Query ids = query(where("_id").is(caseId.toString()));
        ids.fields().include("mails.mailId");
        Document found = mongo.findOne(ids, Document.class, COLLECTION);
        List<Document> mails = found == null ? List.of() : found.getList("mails", Document.class, List.of());
        for (int index = 0; index < mails.size(); index++) {
            if (mailId.equals(mails.get(index).getString("mailId"))) {
                String at = "mails." + index;
                return mongo.updateFirst(query(where("_id").is(caseId.toString()).and(at + ".mailId").is(mailId)
                                .and(at + ".sentAt").is(null)),
                        new Update().set(at + ".sentAt", sentAt), COLLECTION).getModifiedCount() > 0;
            }
        }
        // a mail queued before mails were a list
        return mongo.updateFirst(query(where("_id").is(caseId.toString()).and("answerMail.mailId").is(mailId)
                        .and("answerMail.sentAt").is(null)),
                new Update().set("answerMail.sentAt", sentAt), COLLECTION).getModifiedCount() > 0;
    }

    /** Cases with a mail queued before {@code cutoff} and still not accepted by an SMTP server. */
    public List<Case> withMailPendingSince(Instant cutoff) {
        return mongo.find(query(new Criteria().orOperator(
                where("mails").elemMatch(where("sentAt").is(null).and("queuedAt").lt(cutoff)),
                where("answerMail.mailId").exists(true).and("answerMail.sentAt").is(null)
                        .and("answerMail.queuedAt").lt(cutoff))), Case.class);
    }

    /** Sets the deadline view; does nothing when the case is not opened yet (opening applies it later). */
    public boolean applyDeadline(CaseId caseId, CaseDeadline deadline) {
        return mongo.updateFirst(query(where("_id").is(caseId.toString())),
                new Update().set("deadline", deadline), COLLECTION).getMatchedCount() > 0;
    }

    /** Cases whose events were staged before {@code cutoff} and still not acknowledged (a crash, a broker outage). */
    public List<Case> withEventsPendingSince(Instant cutoff) {
        return mongo.find(query(where("outbox").elemMatch(where("time").lt(cutoff))), Case.class);
    }

    /** Queue rows (no personal data loaded) of the given units and statuses that pass the filter. */
    public List<Case> queue(Collection<String> units, Set<CaseStatus> statuses, QueueFilter filter) {
        Criteria criteria = where("unit").in(units).and("status").in(statuses);
        filter.addTo(criteria);
        Query query = query(criteria);
        query.fields().exclude(PERSONAL_AND_BULKY);
        return mongo.find(query, Case.class);
    }

    /** Cases still to be answered per unit: open, or waiting for the citizen (still the unit's work). */
    public Map<String, Long> openCasesPerUnit() {
        Query query = query(where("status").in(CaseStatus.OPEN, CaseStatus.WAITING_FOR_CITIZEN));
        query.fields().include("unit");
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.find(query, Document.class, COLLECTION)) {
            counts.merge(row.getString("unit"), 1L, Long::sum);
        }
        return counts;
    }
}
