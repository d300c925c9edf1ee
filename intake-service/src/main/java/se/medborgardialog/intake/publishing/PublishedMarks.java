package se.medborgardialog.intake.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.medborgardialog.outbox.BatchedWriter;

/**
 * Marks idempotency records published once the broker has acknowledged their event: off the request thread, and
 * as many as have come in meanwhile in one round trip to the store. Measured under load, the mark was one of the
 * three store round trips of every submission (README, intake-service, "The request path's cost").
 *
 * <p>Until its mark is written a key counts as published here ({@link #isPending}), so a retry in that moment
 * replays the receipt without sending the event again. A mark that could not be written is tried again while the
 * service runs. One that is never written (the process killed first, or the store down until the stop) leaves the
 * record unpublished: a retry then re-sends the same event with the same {@code ce_id}, which consumers drop as a
 * duplicate. Nothing acknowledged is lost either way: the event was on Kafka before the citizen got the receipt.
 */
@Component
class PublishedMarks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    /** At most this many marks in one bulk write. */
    static final int MAX_BATCH = 500;

    private record Mark(String key, Instant at) {
    }

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private volatile BatchedWriter<Mark> writer;
    private volatile boolean running;

    PublishedMarks(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
        this.writer = newWriter();
    }

    /** The event of this key's record is on Kafka: mark the record so, soon (at once while stopped). */
    void mark(String key) {
        Instant at = clock.instant();
        pending.put(key, at);
        writer.add(new Mark(key, at));
    }

    /** @return whether this key's event was acknowledged by the broker and its mark is still to be written */
    boolean isPending(String key) {
        return pending.containsKey(key);
    }

    private BatchedWriter<Mark> newWriter() {
        return BatchedWriter.<Mark>writingWith(batch -> records.markPublished(publishedAt(batch)))
                .named("idempotency-marks")
                .atMost(MAX_BATCH)
                .retryingAfter(Duration.ofSeconds(1))
                .whenWritten(batch -> batch.forEach(mark -> pending.remove(mark.key())))
                .whenNotWritten((batch, failure, willRetry) -> {
                    if (willRetry) {
                        log.warn("Could not mark {} idempotency record(s) published, will try again: {}", batch.size(),
                                failure.toString());
                    } else {
                        log.warn("{} idempotency record(s) left unpublished; a retry re-sends their event: {}",
                                batch.size(), failure.toString());
                        batch.forEach(mark -> pending.remove(mark.key()));
                    }
                })
                .start();
    }

    private static Map<String, Instant> publishedAt(List<Mark> batch) {
        Map<String, Instant> publishedAt = new LinkedHashMap<>();
        batch.forEach(mark -> publishedAt.put(mark.key(), mark.at()));
        return publishedAt;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            if (writer.isClosed()) {
                writer = newWriter();
            }
            running = true;
        }
    }

    /** Writes the marks still queued; until started again, a mark is written at once on the caller's thread. */
    @Override
    public synchronized void stop() {
        running = false;
        writer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
