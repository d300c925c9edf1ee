package se.medborgardialog.cases.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.medborgardialog.contracts.CaseLinkType;

/**
 * One link of a case as staff see it, either way round. No personal data: ids, numbers, who and when.
 *
 * @param relation  {@code related}, {@code duplicate-of} (this case was merged into the other) or {@code duplicate}
 *                  (the other case was merged into this one)
 * @param direction {@code outgoing} when made from this case, {@code incoming} when made from the other
 */
public record LinkView(String caseId, String diarienummer, String relation, String direction, String linkedBy,
        Instant linkedAt) {

    /** The links made from {@code aCase}, then those made to it from {@code linkingCases}. */
    public static List<LinkView> of(Case aCase, List<Case> linkingCases) {
        List<LinkView> views = new ArrayList<>();
        for (CaseLink link : aCase.links()) {
            views.add(new LinkView(link.caseId(), link.diarienummer(), wire(link.relation()), "outgoing",
                    link.linkedBy(), link.linkedAt()));
        }
        String id = aCase.caseId().toString();
        for (Case other : linkingCases) {
            for (CaseLink link : other.links()) {
                if (link.caseId().equals(id)) {
                    String relation = link.relation() == CaseLinkType.DUPLICATE_OF ? "duplicate" : wire(link.relation());
                    views.add(new LinkView(other.caseId().toString(), other.diarienummer().value(), relation,
                            "incoming", link.linkedBy(), link.linkedAt()));
                }
            }
        }
        return List.copyOf(views);
    }

    static String wire(CaseLinkType relation) {
        return relation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
