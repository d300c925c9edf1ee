package se.medborgardialog.sla.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.DeadlineFiring;
import se.medborgardialog.sla.deadline.PendingFirings;

/**
 * The firing thread: waits for the earliest entry of the owned clocks by the injected {@link Clock} (looking at it
 * every {@link TimerProperties#poll()} at most, so a moved test clock is seen at once), takes every due clock and
 * fires them in batches through {@link DeadlineFiring}: publish, then record. Each batch runs under {@link #firingLock()}
 * ({@link PendingFirings#lock()}), which a revocation and every transition of a clock take too, so a partition is never
 * fired here after another instance may have loaded it, and a clock never changes between publication and record.
 */
@Component
public class ClockTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockTimer.class);
    private static final Duration BACK_OFF = Duration.ofSeconds(1);

    private final OwnedClocks owned;
    private final DeadlineFiring firing;
    private final Clock clock;
    private final TimerProperties properties;
    private final Timer lag;
    private final ReentrantLock firingLock;
    private volatile Thread thread;
    private volatile boolean running;

    ClockTimer(OwnedClocks owned, DeadlineFiring firing, PendingFirings firings, Clock clock, TimerProperties properties,
               MeterRegistry registry) {
        this.firingLock = firings.lock();
        this.owned = owned;
        this.firing = firing;
        this.clock = clock;
        this.properties = properties;
        this.lag = Timer.builder("medborgardialog.sla.fire.lag")
                .description("From a clock's due time to the publication of what it fired")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    ReentrantLock firingLock() {
        return firingLock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "sla-clock-timer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (fireDue() == 0) {
                    owned.awaitChange(waitMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Firing clocks failed, trying again in {}: {}", BACK_OFF, e.toString());
                try {
                    Thread.sleep(BACK_OFF.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Until the head is due by the clock, but at most the poll interval (a test's clock may jump meanwhile). */
    private long waitMillis() {
        Instant head = owned.head();
        long poll = properties.poll().toMillis();
        if (head == null) {
            return poll;
        }
        long untilDue = head.toEpochMilli() + 1 - clock.millis();
        return Math.max(1, Math.min(poll, untilDue));
    }

    /** Fires one batch of due clocks; returns how many were taken. */
    int fireDue() {
        firingLock.lock();
        try {
            Instant now = clock.instant();
            List<ClockEntry> taken = owned.takeDue(now, properties.batch());
            if (taken.isEmpty()) {
                return 0;
            }
            DeadlineFiring.Outcome outcome;
            try {
                outcome = firing.fire(taken, now);
            } catch (RuntimeException e) {
                owned.putBack(taken);
                throw e;
            }
            owned.putNext(outcome.next());
            owned.putBack(outcome.unsent());
            long published = clock.millis();
            outcome.published().forEach(e -> lag.record(Duration.ofMillis(Math.max(0, published - e.fireAtMillis() - 1))));
            if (!outcome.unsent().isEmpty() && outcome.published().isEmpty()) {
                throw new IllegalStateException("the broker acknowledged none of " + taken.size() + " fired clock(s)");
            }
            return taken.size();
        } finally {
            firingLock.unlock();
        }
    }
}
