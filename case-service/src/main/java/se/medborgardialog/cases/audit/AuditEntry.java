package se.medborgardialog.cases.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who read which case's personal data, when, through what and why. Holds identifiers only, never the data read.
 *
 * @param what the endpoint or page that returned the data, e.g. {@code GET /api/v1/cases/{caseId}}
 * @param why  the purpose of the read, e.g. {@code handläggning}; entries written before it existed have none
 */
@Document("audit_log")
public record AuditEntry(@Id String id, String who, Instant at, String caseId, String what, String why) {
}
