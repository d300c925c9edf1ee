package se.medborgardialog.cases.casework;

import java.time.Instant;
import se.medborgardialog.contracts.GuaranteeType;

/**
 * A guarantee of sla-service's catalogue that the case's clock did not keep ({@code DeadlineBreached} with a
 * guarantee), with what the citizen is owed for it. Recorded once per clock; holds no personal data.
 *
 * @param guaranteeVersion the guarantee's version that governed the case
 * @param compensation     the guarantee's compensation in Swedish (e.g. "Avgiften sätts ned med en femtedel per
 *                         påbörjad vecka"), null when it promises none
 * @param breachedAt       when sla-service found the clock breached
 * @param recordedAt       when the case recorded it
 */
public record GuaranteeBreach(String clock, String guaranteeId, int guaranteeVersion, String title,
        GuaranteeType type, String compensation, Instant dueAt, Instant breachedAt, Instant recordedAt) {

    /** A tjänstegaranti is a promise to the citizen: they are told of its breach and may complain about it. */
    public boolean isTjanstegaranti() {
        return type == GuaranteeType.TJANSTEGARANTI;
    }
}
