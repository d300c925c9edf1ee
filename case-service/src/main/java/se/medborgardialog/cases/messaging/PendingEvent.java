package se.medborgardialog.cases.messaging;

import java.time.Instant;

/**
 * An event written in the same document update as the state change it announces (a one-document outbox):
 * it leaves the document only after Kafka acknowledged it.
 *
 * @param eventId deterministic (case id + kind), so a re-publish after a crash is a duplicate consumers drop
 * @param payload the event as JSON, exactly as it goes on the wire
 */
public record PendingEvent(String eventId, String type, String subject, Instant time, String payload) {
}
