package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The citizen's reply reached the case (through the status page, or registered by the officer after a call): the
 * answer clocks resume at {@code receivedAt}. The reply itself stays in case-service.
 *
 * @param registeredBy the officer who registered it, or {@code medborgare} when the citizen replied themselves
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CitizenInfoReceived(CaseId caseId, String unit, String registeredBy, Instant receivedAt) {
}
