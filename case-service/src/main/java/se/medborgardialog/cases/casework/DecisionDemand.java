package se.medborgardialog.cases.casework;

import java.time.Instant;

/**
 * The party demanded a decision (Förvaltningslagen 12 §): the case must then be decided within four weeks of
 * {@code demandedAt} (sla-service's clock).
 *
 * @param demandedAt when the demand reached the municipality
 * @param recordedBy the officer who registered it
 */
public record DecisionDemand(Instant demandedAt, String recordedBy, Instant recordedAt) {
}
