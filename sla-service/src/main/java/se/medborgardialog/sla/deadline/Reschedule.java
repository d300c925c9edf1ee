package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One move of a clock's due time that nothing on the case caused: the municipality's calendar changed (a closed day
 * added or removed), and the clock was counted again on the new calendar.
 *
 * @param at            when sla-service moved it
 * @param previousDueAt the due time before
 * @param dueDate       the due date after (Europe/Stockholm)
 * @param dueAt         the due time after
 * @param reason        why, in Swedish, as the case history shows it
 * @param calendar      the fingerprint of the calendar it was counted on ({@link se.medborgardialog.sla.calendar
 *                      .CalendarFingerprint}): the same calendar never moves a clock twice
 */
public record Reschedule(Instant at, Instant previousDueAt, LocalDate dueDate, Instant dueAt, String reason,
        String calendar) {

    public Reschedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(calendar, "calendar");
    }
}
