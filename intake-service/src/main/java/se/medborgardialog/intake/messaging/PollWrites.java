package se.medborgardialog.intake.messaging;

/**
 * A feature whose listeners gather their writes while a poll's records are handled, and make them together once the
 * poll's records are handled ({@link InboundEvents}): one store round trip per poll instead of one per event. Only
 * for writes that may be made again (every redelivered record is handled again), and that nothing in the same poll
 * reads back.
 */
public interface PollWrites {

    /** A poll's records are about to be handled on this thread: gather this thread's writes from now on. */
    void begin();

    /**
     * Makes what was gathered on this thread since {@link #begin()} and stops gathering, even when it fails.
     *
     * @throws RuntimeException if the writes could not be made: the poll is then handled again
     */
    void flush();
}
