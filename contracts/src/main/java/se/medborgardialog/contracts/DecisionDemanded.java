package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The party of a case started by a person demanded a decision (Förvaltningslagen 12 §: after six months without one
 * they may, and the authority must then decide within four weeks). case-service records it; sla-service starts the
 * four-week clock from {@code demandedAt}.
 *
 * @param demandedAt when the demand reached the authority
 * @param recordedBy the officer who recorded it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionDemanded(CaseId caseId, String unit, Instant demandedAt, String recordedBy, Instant recordedAt) {
}
