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
 *                   facts the payload carries; for {@code WARNING} how many pauses the clock had; for
 *                   {@code RESCHEDULED} which move of the due time (1 for the first); null for the others
 * @param point      for {@code WARNING}: the warning point reached ({@code 80%}, {@code PT2H}); null for the others
 */
public record PendingEvent(String eventId, Kind kind, Instant occurredAt, Integer pause, String point) {

    /** The one the store reads with (a record with several constructors must name it). */
    @PersistenceCreator
    public PendingEvent {
    }

    public PendingEvent(String eventId, Kind kind, Instant occurredAt) {
        this(eventId, kind, occurredAt, null, null);
    }

    public PendingEvent(String eventId, Kind kind, Instant occurredAt, Integer pause) {
        this(eventId, kind, occurredAt, pause, null);
    }

    public enum Kind {
        SCHEDULED, MET, BREACHED, PAUSED, RESUMED, WARNING, RESCHEDULED
    }
}
