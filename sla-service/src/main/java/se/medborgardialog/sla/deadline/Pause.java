package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One pause of a deadline clock: the case waited for the citizen from {@code pausedAt} to {@code resumedAt}.
 *
 * @param pausedAt  when the officer asked the citizen ({@code CitizenInfoRequested.requestedAt})
 * @param resumedAt when the citizen's reply reached the case ({@code CitizenInfoReceived.receivedAt}); null while
 *                  the clock waits, and for a pause that ended with the case's answer or closing
 * @param daysAdded how far the due date moved when the clock resumed: working days for a clock counted in working
 *                  days, calendar days for a calendar-period clock, 0 for a clock in hours (see {@link Deadline#resume})
 * @param dueDate   the due date after the resume; null until then
 * @param dueAt     the due time after the resume (exact for a clock in hours); null until then, and in pauses stored
 *                  before it existed (the end of {@code dueDate})
 * @param dueAtWhenPaused the due time when the clock paused; null in pauses stored before it existed
 */
public record Pause(Instant pausedAt, Instant resumedAt, int daysAdded, LocalDate dueDate, Instant dueAt,
        Instant dueAtWhenPaused) {

    @PersistenceCreator
    public Pause {
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    public Pause(Instant pausedAt, Instant resumedAt, int daysAdded, LocalDate dueDate) {
        this(pausedAt, resumedAt, daysAdded, dueDate, dueDate == null ? null : Countdown.endOf(dueDate), null);
    }

    static Pause startedAt(Instant pausedAt, Instant dueAtWhenPaused) {
        return new Pause(pausedAt, null, 0, null, null, dueAtWhenPaused);
    }

    Pause resumed(Instant at, int days, Countdown.Due moved) {
        return new Pause(pausedAt, at, days, moved.dueDate(), moved.dueAt(), dueAtWhenPaused);
    }

    /** The due time after the resume, for a pause stored before {@code dueAt} was. */
    public Instant resumedDueAt() {
        return dueAt != null ? dueAt : dueDate == null ? null : Countdown.endOf(dueDate);
    }

    boolean isOpen() {
        return resumedAt == null;
    }
}
