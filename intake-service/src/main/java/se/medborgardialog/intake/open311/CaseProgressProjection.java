package se.medborgardialog.intake.open311;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.DuplicateReportLinked;

/**
 * Keeps {@link CaseProgress} from the events messaging/InboundEvents hands over. Every event is one upsert that
 * sets its own fields and raises {@code updatedAt} to its time if later ({@code $max}), so a redelivered event
 * changes nothing and any order gives the same document. The reports themselves come from felanmalan's
 * {@code felanmalan_reports}; the two are joined on the case id when read.
 */
@Component
class CaseProgressProjection {

    private final MongoTemplate mongo;

    CaseProgressProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener
    void on(CaseOpened opened) {
        upsert(opened.caseId(), changes()
                .set("openedAt", opened.openedAt())
                .set("unit", opened.unit())
                .set("diarienummer", opened.diarienummer() == null ? null : opened.diarienummer().value())
                .happenedAt(opened.openedAt()));
    }

    @EventListener
    void on(DeadlineScheduled scheduled) {
        if (scheduled.clock() == null || scheduled.dueAt() == null) {
            return;
        }
        // A clock name is a field name here: keep it to characters MongoDB accepts in one.
        upsert(scheduled.caseId(), changes()
                .set("deadlines." + scheduled.clock().replaceAll("[.$]", "_"), scheduled.dueAt()));
    }

    @EventListener
    void on(CaseAnswered answered) {
        upsert(answered.caseId(), changes()
                .set("answeredAt", answered.answeredAt())
                .set("unit", answered.unit())
                .happenedAt(answered.answeredAt()));
    }

    @EventListener
    void on(CaseClosed closed) {
        upsert(closed.caseId(), changes()
                .set("closedAt", closed.closedAt())
                .set("outcome", closed.outcome() == null ? null : closed.outcome().name())
                .set("unit", closed.unit())
                .happenedAt(closed.closedAt()));
    }

    @EventListener
    void on(DuplicateReportLinked linked) {
        upsert(linked.caseId(), changes().happenedAt(linked.linkedAt()));
    }

    /** The progress of each of these cases, by case id; a case nothing has been read about is missing. */
    Map<String, CaseProgress> findAll(Collection<String> caseIds) {
        List<CaseProgress> found = mongo.find(Query.query(Criteria.where("_id").in(caseIds)), CaseProgress.class);
        return found.stream().collect(Collectors.toMap(CaseProgress::caseId, Function.identity()));
    }

    /** Two first upserts of one case can race on its id; the loser updates the winner's document. */
    private void upsert(CaseId caseId, Changes changes) {
        Update update = changes.update;
        if (update.getUpdateObject().isEmpty()) {
            return;
        }
        Query byId = Query.query(Criteria.where("_id").is(caseId.toString()));
        try {
            mongo.upsert(byId, update, CaseProgress.class);
        } catch (DuplicateKeyException raced) {
            mongo.upsert(byId, update, CaseProgress.class);
        }
    }

    private static Changes changes() {
        return new Changes();
    }

    /** An update that leaves out what the event does not carry, so no event erases what another one set. */
    private static final class Changes {
        private final Update update = new Update();

        Changes set(String field, Object value) {
            if (value != null) {
                update.set(field, value);
            }
            return this;
        }

        Changes happenedAt(Instant at) {
            if (at != null) {
                update.max("updatedAt", at);
            }
            return this;
        }
    }
}
