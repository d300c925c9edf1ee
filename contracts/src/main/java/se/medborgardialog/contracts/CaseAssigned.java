package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A case got a responsible officer (claimed, assigned or reassigned), or was released back to the unit's queue.
 *
 * @param assignee the officer's user name; null when the case was released and nobody has it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAssigned(CaseId caseId, String unit, String assignee, String assignedBy, Instant assignedAt) {
}
