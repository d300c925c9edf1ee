package se.medborgardialog.reporting.facts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * What reporting knows about one case, gathered from its events in whatever order they arrived. Every field
 * may still be missing: a deadline event can overtake its {@code CaseOpened} (they travel on different topics).
 * Holds no personal data: no names, contact details, texts or officers.
 *
 * @param id           the case id
 * @param receivedDate the {@link ReceiptDate} as {@code YYYY-MM-DD}, so the store can match ranges on it;
 *                     present once {@code CaseOpened} arrived, and only then does the case count
 * @param unit         the unit that has the case: the one it was routed to when opened, then the one it was last
 *                     forwarded to
 * @param answeredAt   the first answer
 * @param forwardedAt  when the case was last forwarded (null if never); an older forwarding is not applied
 */
@Document(CaseFact.COLLECTION)
public record CaseFact(
        @Id String id,
        String receivedDate,
        Instant receivedAt,
        SynpunktKind kind,
        String category,
        String unit,
        Channel channel,
        Instant openedAt,
        Instant answeredAt,
        Instant closedAt,
        Instant dueAt,
        DeadlineOutcome deadlineOutcome,
        Instant forwardedAt) {

    public static final String COLLECTION = "caseFacts";

    /** The counting rules; the statistics pipeline applies the same rules inside the store. */
    public Counts counts() {
        if (receivedDate == null) {
            return Counts.NONE;
        }
        return new Counts(1,
                answeredAt != null ? 1 : 0,
                deadlineOutcome == DeadlineOutcome.MET ? 1 : 0,
                deadlineOutcome == DeadlineOutcome.BREACHED ? 1 : 0,
                closedAt == null ? 1 : 0);
    }
}
