package se.medborgardialog.sla.deadline;

import java.time.Instant;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * An event a transition produced that is not yet acknowledged by the broker (the outbox entry). It is
 * stored inside the deadline document, so the transition and its event are one atomic write. The
 * payload is rebuilt from the deadline when published, so a republish sends the same facts.
 *
 * @param eventId    the deterministic CloudEvents id: the same for every (re)publication
 * @param kind       which event
 * @param occurredAt when the transition happened (becomes {@code ce_time})
 * @param pause      for {@code PAUSED} and {@code RESUMED}: which pause of the clock (1 for the first), whose
 *                   facts the payload carries; null for the other kinds
 */
public record PendingEvent(String eventId, Kind kind, Instant occurredAt, Integer pause) {

    /** The one the store reads with (a record with two constructors must name it). */
    @PersistenceCreator
    public PendingEvent {
    }

    public PendingEvent(String eventId, Kind kind, Instant occurredAt) {
        this(eventId, kind, occurredAt, null);
    }

    public enum Kind {
        SCHEDULED, MET, BREACHED, PAUSED, RESUMED
    }
}
