package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One pause of a deadline clock: the case waited for the citizen from {@code pausedAt} to {@code resumedAt}.
 *
 * @param pausedAt  when the officer asked the citizen ({@code CitizenInfoRequested.requestedAt})
 * @param resumedAt when the citizen's reply reached the case ({@code CitizenInfoReceived.receivedAt}); null while
 *                  the clock waits, and for a pause that ended with the case's answer or closing
 * @param daysAdded how far the due date moved when the clock resumed: working days for a clock counted in working
 *                  days, calendar days for a calendar-period clock (see {@link Deadline#resume})
 * @param dueDate   the due date after the resume; null until then
 */
public record Pause(Instant pausedAt, Instant resumedAt, int daysAdded, LocalDate dueDate) {

    public Pause {
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    static Pause startedAt(Instant pausedAt) {
        return new Pause(pausedAt, null, 0, null);
    }

    Pause resumed(Instant at, int days, LocalDate movedDueDate) {
        return new Pause(pausedAt, at, days, movedDueDate);
    }

    boolean isOpen() {
        return resumedAt == null;
    }
}
