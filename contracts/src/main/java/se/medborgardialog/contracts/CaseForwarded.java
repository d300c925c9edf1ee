package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The case moved to another unit's queue. Its deadlines do not restart: consumers move the case to {@code toUnit}
 * and keep its clocks as they are.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseForwarded(CaseId caseId, String fromUnit, String toUnit, String forwardedBy, Instant forwardedAt) {
}
