package se.medborgardialog.cases.casework;

import java.time.Instant;
import se.medborgardialog.contracts.CaseOutcome;

public record Closure(CaseOutcome outcome, Instant closedAt, String closedBy) {
}
