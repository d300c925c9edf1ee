package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A running clock reached one of its guarantee's warning points: the case is at risk of breaching it.
 *
 * @param point    which warning point, as configured: a share of the time ({@code 50%}, {@code 80%}) or a duration
 *                 before the due time in ISO-8601 ({@code PT2H})
 * @param dueAt    when the clock runs out
 * @param warnedAt when sla-service noticed the point was reached
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineWarning(CaseId caseId, String clock, String unit, GuaranteeRef guarantee, String point,
        Instant dueAt, Instant warnedAt) {
}
