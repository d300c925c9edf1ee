package se.medborgardialog.sla.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;

/**
 * Writes the records of published firings as soon as the timer hands them over, and folds them into their deadline
 * documents in the background, off the firing path: once the timer has recorded nothing for {@code sla.timer.fold} (half a second by default: after a burst), or when many are pending.
 */
@Component
class FiringFolder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FiringFolder.class);
    private static final int BATCH = 500;
    private static final int PRESSING = 20_000;

    private final PendingFirings firings;
    private final Duration fold;
    private volatile Thread thread;
    private volatile boolean running;

    FiringFolder(PendingFirings firings, @Value("${sla.timer.fold:PT0.5S}") Duration fold) {
        this.firings = firings;
        this.fold = fold;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "sla-firing-folder");
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
        firings.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long quiet = fold.toNanos();
        long pause = Math.max(1, Math.min(fold.toMillis(), 100));
        while (running) {
            try {
                int done = firings.writeRecords();
                if (done == 0 && firings.size() > 0 && (firings.quietNanos() >= quiet || firings.size() > PRESSING)) {
                    long started = System.nanoTime();
                    done = firings.foldBatch(BATCH);
                    if (done > 0) {
                        log.info("Folded the firings of {} clock(s) in {} ms, {} pending", done,
                                (System.nanoTime() - started) / 1_000_000, firings.size());
                    }
                }
                if (done == 0) {
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Folding firings failed, trying again: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
