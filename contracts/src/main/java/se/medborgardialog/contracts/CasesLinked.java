package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An officer linked case {@code caseId} to {@code linkedCaseId}. With {@link CaseLinkType#DUPLICATE_OF} the case
 * was merged into the other one (and is closed as a dubblett with its own {@link CaseClosed}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasesLinked(CaseId caseId, String unit, CaseId linkedCaseId, CaseLinkType relation, String linkedBy,
        Instant linkedAt) {
}
