package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The officer asked the citizen for more information: the case waits for them, and its answer clocks pause at
 * {@code requestedAt} until {@link CitizenInfoReceived}. The question itself stays in case-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CitizenInfoRequested(CaseId caseId, String unit, String requestedBy, Instant requestedAt) {
}
