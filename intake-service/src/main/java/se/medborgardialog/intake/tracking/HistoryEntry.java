package se.medborgardialog.intake.tracking;

import java.time.Instant;

/**
 * One public step in a case's history. {@code type} and {@code at} (the event's own time) identify it, with
 * {@code ref} where one case can have several events of a type at one instant (linked duplicates): a redelivered
 * event is the same entry, so adding it to the set again changes nothing.
 *
 * @param type   a stable name of what happened, e.g. {@code mottagen}, {@code registrerad}, {@code besvarad}
 * @param at     when it happened, from the event
 * @param ref    what tells apart two events of one type at one instant; empty when nothing needs to
 * @param detail public words about it (diarienummer, outcome, the rejection's reason); never the citizen's text
 */
record HistoryEntry(String type, Instant at, String ref, String detail) {
}
