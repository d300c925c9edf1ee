package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * reporting-service asks case-service to count its cases, to compare with the aggregates it keeps from the events.
 * case-service answers with {@link CaseCountsReported} of the same {@code reconciliationId}. No personal data.
 *
 * @param from        the first Stockholm date counted
 * @param to          the last Stockholm date counted (inclusive); the open cases are those at its end
 * @param granularity whether the rows are per day or per month
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconciliationRequested(
        ReconciliationId reconciliationId,
        LocalDate from,
        LocalDate to,
        CountGranularity granularity,
        Instant requestedAt) {
}
