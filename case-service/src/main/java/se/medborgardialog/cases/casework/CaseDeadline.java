package se.medborgardialog.cases.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The deadline shown on the case, taken from sla-service's events. Written by its own field update, so it
 * never races with an officer's change of the case.
 *
 * @param dueDate the last working day (Europe/Stockholm); null when only a met/breached event has arrived so far
 */
public record CaseDeadline(String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status) {
}
