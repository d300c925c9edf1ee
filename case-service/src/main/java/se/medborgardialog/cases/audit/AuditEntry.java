package se.medborgardialog.cases.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who read which case's personal data, when, and through what. Holds identifiers only, never the data read.
 *
 * @param what the endpoint that returned the data, e.g. {@code GET /api/v1/cases/{caseId}}
 */
@Document("audit_log")
public record AuditEntry(@Id String id, String who, Instant at, String caseId, String what) {
}
