package se.medborgardialog.cases.casework;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The deadline shown on the case, taken from sla-service's events. Written by its own field update, so it
 * never races with an officer's change of the case.
 *
 * @param dueDate  the last working day (Europe/Stockholm); null when only a met/breached event has arrived so far.
 *                 A resumed clock's due date is the moved one.
 * @param pausedAt since when the clock waits for the citizen (sla-service's {@code DeadlinePaused}); null while it
 *                 runs or once it stopped
 */
public record CaseDeadline(String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status, Instant pausedAt) {

    /** The one the store reads with (a record with two constructors must name it). */
    @PersistenceCreator
    public CaseDeadline {
    }

    /** A clock that is not paused. */
    public CaseDeadline(String clock, LocalDate dueDate, Instant dueAt, DeadlineStatus status) {
        this(clock, dueDate, dueAt, status, null);
    }

    public boolean isPaused() {
        return pausedAt != null && !status.isFinal();
    }
}
