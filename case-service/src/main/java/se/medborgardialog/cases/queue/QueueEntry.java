package se.medborgardialog.cases.queue;

import java.time.Instant;
import java.time.LocalDate;

/** One row of a queue. No text and no contact: the queue shows that a case exists, not what it says. */
public record QueueEntry(String caseId, String diarienummer, String trackingCode, String kind, String category,
        String unit, String channel, Instant receivedAt, String status, LocalDate dueDate, Instant dueAt,
        String deadlineStatus, boolean anonymous, String caseType, String legalFlow) {
}
