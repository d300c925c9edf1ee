package se.medborgardialog.sla.deadline;

/**
 * Told about every deadline document that was just written (or found unchanged where it was expected to change),
 * so an in-process scheduler can keep its due index current without asking the store.
 */
@FunctionalInterface
public interface ClockListener {

    /** {@code deadline} as it is now stored: its {@link Deadline#nextFireAt()} replaces any earlier one (null: none). */
    void scheduled(Deadline deadline);

    /** {@link #scheduled} for deadlines written together (the clocks a poll of new cases started). */
    default void scheduledAll(java.util.List<Deadline> deadlines) {
        deadlines.forEach(this::scheduled);
    }
}
