package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * case-service's answer to {@link ReconciliationRequested}: what its case store says, counted by the rules reporting
 * documents (each figure on the Europe/Stockholm date of its own time, a case in the unit that has it now). Counts
 * only, no personal data.
 *
 * @param countedAt       when the cases were read
 * @param casesTopicEnds  per partition of {@link Topics#CASES}, its end offset taken after the count, once every event
 *                        of the counted cases had been acknowledged: a consumer that has read up to these offsets has
 *                        seen every event the counts include
 * @param rows            per period (a date, or a month {@code 2027-03}) and dimensions, with any figure non-zero
 * @param open            the backlog at the end of {@code to} as reporting defines it, per dimensions: received −
 *                        closed + reopened up to then
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseCountsReported(
        ReconciliationId reconciliationId,
        LocalDate from,
        LocalDate to,
        CountGranularity granularity,
        Instant countedAt,
        Map<Integer, Long> casesTopicEnds,
        List<Row> rows,
        List<Open> open) {

    /** The flows of one period and one combination of dimensions ({@code kind} and {@code channel} may be null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String period, CaseType caseType, SynpunktKind kind, String category, String unit,
                      Channel channel, long received, long answered, long closed, long reopened) {
    }

    /** The backlog of one combination of dimensions at the end of the period. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Open(CaseType caseType, SynpunktKind kind, String category, String unit, Channel channel,
                       long open) {
    }
}
