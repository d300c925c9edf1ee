package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The case was answered (or the clock's stop event happened) at {@code answeredAt}, before {@code dueAt}.
 *
 * @param guarantee the guarantee (and its version) the clock kept; null in events from before the catalogue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineMet(CaseId caseId, String clock, String unit, Instant dueAt, Instant answeredAt,
        GuaranteeRef guarantee) {

    @JsonCreator
    public DeadlineMet {
    }

    public DeadlineMet(CaseId caseId, String clock, String unit, Instant dueAt, Instant answeredAt) {
        this(caseId, clock, unit, dueAt, answeredAt, null);
    }
}
