package se.medborgardialog.sla.deadline;

import java.time.Instant;

/**
 * A firing record: the timer published this event of this clock at {@code firedAt}, and the deadline document does not
 * show it yet. Stored in {@code deadline_firings} by one batched insert after the broker acknowledged the batch
 * (duplicates ignored: {@code _id} is the event id), folded into the deadline later and then deleted.
 *
 * @param eventId    the published event's deterministic id (the record's {@code _id})
 * @param deadlineId the clock
 * @param kind       {@code BREACHED} or {@code WARNING}
 * @param point      the warning point, for a warning
 * @param firedAt    when it fired: the breach's {@code detectedAt}, the warning's {@code reachedAt}
 * @param version    the deadline's version the timer indexed and fired
 */
public record Firing(String eventId, String deadlineId, PendingEvent.Kind kind, String point, Instant firedAt,
                     long version) {
}
