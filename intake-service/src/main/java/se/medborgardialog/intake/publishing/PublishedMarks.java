package se.medborgardialog.intake.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks idempotency records published once the broker has acknowledged their event: off the request thread, and
 * as many as have come in meanwhile in one round trip to the store. Measured under load, the mark was one of the
 * three store round trips of every submission (README, intake-service, "The request path's cost").
 *
 * <p>Until its mark is written a key counts as published here ({@link #isPending}), so a retry in that moment
 * replays the receipt without sending the event again. A mark that is never written (the process killed first, or
 * the store down until then; this instance keeps trying while it runs) leaves the record unpublished: a retry then
 * re-sends the same event with the same {@code ce_id}, which consumers drop as a duplicate. Nothing acknowledged
 * is lost either way: the event was on Kafka before the citizen got the receipt.
 */
@Component
class PublishedMarks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    /** At most this many marks in one bulk write. */
    static final int MAX_BATCH = 500;

    private final IdempotencyRecords records;
    private final Clock clock;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private volatile Thread writer;

    PublishedMarks(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The event of this key's record is on Kafka: mark the record so, soon. */
    void mark(String key) {
        pending.put(key, clock.instant());
        queue.add(key);
        if (writer == null) {
            // Not running (before start or after stop): write it now rather than leave it for nobody.
            flush();
        }
    }

    /** @return whether this key's event was acknowledged by the broker and its mark is still to be written */
    boolean isPending(String key) {
        return pending.containsKey(key);
    }

    /** Writes every mark queued so far; called by the writer, and at stop. */
    synchronized void flush() {
        List<String> keys = new ArrayList<>();
        while (queue.drainTo(keys, MAX_BATCH) > 0) {
            write(keys);
            keys.clear();
        }
    }

    private void write(List<String> keys) {
        Map<String, Instant> batch = new LinkedHashMap<>();
        keys.forEach(key -> {
            Instant at = pending.get(key);
            if (at != null) {
                batch.put(key, at);
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        try {
            records.markPublished(batch);
            batch.keySet().forEach(pending::remove);
        } catch (RuntimeException failure) {
            log.warn("Could not mark {} idempotency record(s) published, will try again: {}", batch.size(),
                    failure.toString());
            queue.addAll(batch.keySet());
            throw failure;
        }
    }

    private void run() {
        while (writer == Thread.currentThread()) {
            try {
                String first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                queue.add(first);
                flush();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException storeFailed) {
                pauseAfterFailure();
            }
        }
    }

    private void pauseAfterFailure() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (writer == null) {
            Thread thread = new Thread(this::run, "idempotency-marks");
            thread.setDaemon(true);
            writer = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread running = writer;
        writer = null;
        if (running != null) {
            running.interrupt();
        }
        try {
            flush();
        } catch (RuntimeException storeGone) {
            log.warn("{} idempotency record(s) left unpublished at shutdown; a retry re-sends their event",
                    pending.size());
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }
}
