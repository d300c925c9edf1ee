package se.medborgardialog.cases.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
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

    /** The purpose of an officer's read of a case of their unit. */
    public static final String CASEWORK = "handläggning";

    /** A read in case work ({@link #CASEWORK}). */
    public void recordRead(String who, CaseId caseId, String what) {
        recordRead(who, caseId, what, CASEWORK);
    }

    public void recordRead(String who, CaseId caseId, String what, String why) {
        mongo.insert(new AuditEntry(UUID.randomUUID().toString(), who, clock.instant(), caseId.toString(), what, why));
    }

    /** Newest first, at most {@code limit}; every criterion optional; {@code from} inclusive, {@code to} exclusive. */
    public List<AuditEntry> find(AuditSearch search) {
        Criteria criteria = new Criteria();
        if (search.caseId() != null) {
            criteria = criteria.and("caseId").is(search.caseId());
        }
        if (search.who() != null) {
            criteria = criteria.and("who").is(search.who());
        }
        if (search.from() != null || search.to() != null) {
            Criteria at = criteria.and("at");
            if (search.from() != null) {
                at = at.gte(search.from());
            }
            if (search.to() != null) {
                at = at.lt(search.to());
            }
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(search.limit()),
                AuditEntry.class);
    }

    /** @param from inclusive, {@code to} exclusive; null means open-ended */
    public record AuditSearch(String caseId, String who, Instant from, Instant to, int limit) {
    }
}
