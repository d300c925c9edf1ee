package se.medborgardialog.sla.deadline;

/** Sends one event and returns only when the broker acknowledged it; throws otherwise. */
@FunctionalInterface
interface DeadlineEventSender {

    void send(OutgoingEvent event);
}
