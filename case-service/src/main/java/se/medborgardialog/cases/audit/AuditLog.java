package se.medborgardialog.cases.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseId;

/** Every read of personal data by staff is logged (collection {@code audit_log}). */
@Component
public class AuditLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void recordRead(String who, CaseId caseId, String what) {
        mongo.insert(new AuditEntry(UUID.randomUUID().toString(), who, clock.instant(), caseId.toString(), what));
    }

    public List<AuditEntry> find(String caseId, String who) {
        Criteria criteria = new Criteria();
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        if (who != null) {
            criteria = criteria.and("who").is(who);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(1000),
                AuditEntry.class);
    }
}
