package se.medborgardialog.cases.casework;

import java.time.Instant;
import se.medborgardialog.contracts.CaseLinkType;

/**
 * A link from this case to another, stored on this case only. The other case shows it through a query (see
 * {@link CaseStore#linkedTo}), so the two sides can never disagree and one write is enough.
 */
public record CaseLink(String caseId, String diarienummer, CaseLinkType relation, String linkedBy, Instant linkedAt) {
}
