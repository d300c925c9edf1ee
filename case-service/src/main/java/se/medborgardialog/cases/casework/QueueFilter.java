package se.medborgardialog.cases.casework;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * What a queue is narrowed to; every part is optional (null: no restriction).
 *
 * @param assignee   only cases this officer has
 * @param unassigned only cases nobody has
 * @param search     a diarienummer or tracking code, matched exactly but case-insensitively
 */
public record QueueFilter(String assignee, boolean unassigned, SynpunktKind kind, String category, Channel channel,
        CaseType caseType, String search) {

    public static final QueueFilter NONE = new QueueFilter(null, false, null, null, null, null, null);

    void addTo(Criteria criteria) {
        if (unassigned) {
            criteria.and("assignee").is(null);
        } else if (assignee != null) {
            criteria.and("assignee").is(assignee);
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (category != null) {
            criteria.and("category").is(category);
        }
        if (channel != null) {
            criteria.and("channel").is(channel);
        }
        if (caseType == CaseType.SYNPUNKT) {
            // cases stored before case types existed have none: they are synpunkter
            List<Object> synpunkt = new ArrayList<>();
            synpunkt.add(CaseType.SYNPUNKT);
            synpunkt.add(null);
            criteria.and("caseType").in(synpunkt);
        } else if (caseType != null) {
            criteria.and("caseType").is(caseType);
        }
        if (search != null) {
            Pattern exactly = Pattern.compile("^" + Pattern.quote(search.strip()) + "$", Pattern.CASE_INSENSITIVE);
            criteria.orOperator(where("diarienummer").regex(exactly), where("trackingCode").regex(exactly));
        }
    }
}
