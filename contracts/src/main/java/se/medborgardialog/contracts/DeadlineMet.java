package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The case was answered at {@code answeredAt}, before {@code dueAt}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineMet(CaseId caseId, String clock, String unit, Instant dueAt, Instant answeredAt) {
}
