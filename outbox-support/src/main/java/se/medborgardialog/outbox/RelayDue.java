package se.medborgardialog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When an outbox relay's scan for pending events has a reason to run. The scan filters on the documents' pending
 * events, which no index serves: every run reads every document (under the embedded store's lock, stalling every
 * service's writes). Used by sla-service's deadline relay and case-service's case outbox relay.
 *
 * <p>Events are left pending for the relay only by a crash (this process's or another's), a send the broker did not
 * acknowledge, or a path that wrote and did not publish. So the scan runs once the events a crash left are past
 * their grace (start + grace), once a send that failed here is past it, at once again after a full batch, and
 * otherwise every {@code sweep} (another instance's crash, anything else): nothing pending is left for good.
 *
 * <p>Asked every {@code interval} by the scheduler; the sweep is counted in those asks (real time), the grace on the
 * injected clock, as the scan's own cut-off is.
 */
public final class RelayDue {

    private final Clock clock;
    private final Duration grace;
    private final long asksPerSweep;
    private final AtomicReference<Instant> next;
    private final AtomicBoolean again = new AtomicBoolean();
    private long asks;

    /**
     * @param grace    how long a pending event is left to the send that wrote it (the scan's own cut-off)
     * @param interval how often the scheduler asks {@link #take()}
     * @param sweep    how often to scan with no reason known here (another instance's crash, anything else)
     */
    public RelayDue(Clock clock, Duration grace, Duration interval, Duration sweep) {
        this.clock = clock;
        this.grace = grace;
        this.asksPerSweep = Math.max(1, sweep.toMillis() / Math.max(1, interval.toMillis()));
        this.next = new AtomicReference<>(clock.instant().plus(grace));
    }

    /** A send failed: its events stay pending, and the scan runs once they are past their grace. */
    public void leftPending() {
        Instant due = clock.instant().plus(grace);
        next.accumulateAndGet(due, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** Asked by the scheduler: whether to scan now. */
    public synchronized boolean take() {
        asks++;
        boolean full = again.getAndSet(false);
        Instant due = next.get();
        boolean pastGrace = !clock.instant().isBefore(due);
        if (!full && !pastGrace && asks < asksPerSweep) {
            return false;
        }
        asks = 0;
        if (pastGrace) {
            // Only the reason taken here is cleared: one left meanwhile stays.
            next.compareAndSet(due, Instant.MAX);
        }
        return true;
    }

    /** The scan found as many as it takes at once: more may wait, so the next ask scans again. */
    public void more() {
        again.set(true);
    }
}
