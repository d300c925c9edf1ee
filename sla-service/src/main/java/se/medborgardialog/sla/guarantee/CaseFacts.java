package se.medborgardialog.sla.guarantee;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * What sla-service knows of a case to match it against the catalogue when a later event (an avvikelse step, a demand
 * for a decision) starts a clock: the facts of {@code CaseOpened}, and the unit that has the case now. No personal
 * data.
 *
 * @param caseType   null in events from before it existed: a synpunkt
 * @param unitChangedAt when the case was last forwarded (null if never)
 */
@Document("case_facts")
public record CaseFacts(@Id String caseId, CaseType caseType, SynpunktKind kind, String category, Channel channel,
        LegalFlow legalFlow, String unit, Instant receivedAt, Instant unitChangedAt) {

    public static CaseFacts of(CaseOpened opened) {
        return new CaseFacts(opened.caseId().toString(), opened.caseType(), opened.kind(), opened.category(),
                opened.channel(), opened.legalFlow(), opened.unit(), opened.receivedAt(), null);
    }

    public CaseType caseTypeOrSynpunkt() {
        return caseType == null ? CaseType.SYNPUNKT : caseType;
    }

    public CaseFacts forwardedTo(String toUnit, Instant at) {
        return new CaseFacts(caseId, caseType, kind, category, channel, legalFlow, toUnit, receivedAt, at);
    }
}
