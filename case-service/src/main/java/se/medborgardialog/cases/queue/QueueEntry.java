package se.medborgardialog.cases.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.medborgardialog.cases.casework.LinkView;

/**
 * One row of a queue. No text and no contact: the queue shows that a case exists, not what it says.
 *
 * @param assignee              the officer who has the case; null while it is in the unit's queue
 * @param waitingForCitizenSince since when it waits for the citizen's reply; null when it does not
 * @param links                 links to other cases, both ways
 */
public record QueueEntry(String caseId, String diarienummer, String trackingCode, String kind, String category,
        String unit, String channel, Instant receivedAt, String status, LocalDate dueDate, Instant dueAt,
        String deadlineStatus, boolean anonymous, String caseType, String legalFlow, String assignee,
        Instant waitingForCitizenSince, List<LinkView> links) {
}
