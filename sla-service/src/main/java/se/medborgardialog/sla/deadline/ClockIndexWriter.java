package se.medborgardialog.sla.deadline;

import java.util.Collection;

/**
 * Keeps the durable copy of the timer's due index current: told of deadlines written by a fold of fired clocks (which
 * the in-memory index already shows), so a later load of the index does not see them as they were before the firing.
 * Transitions reach it as a {@link ClockListener}.
 */
public interface ClockIndexWriter {

    void written(Collection<Deadline> deadlines);
}
