package se.medborgardialog.cases.casework;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseId;

/**
 * Takes acknowledged events out of their cases' outboxes in batches: whatever was acknowledged while the previous
 * batch was written goes out in one store update, off the producer's and the consumers' threads. A mark that is never
 * written (a crash, the store away) only leaves the event pending: the relay sends it again, a duplicate consumers drop.
 */
@Component
class PublishedMarks {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);
    private static final int MAX_BATCH = 1_000;

    private record Mark(CaseId caseId, String eventId) {
    }

    private final CaseStore store;
    private final ConcurrentLinkedQueue<Mark> acknowledged = new ConcurrentLinkedQueue<>();
    /** Sent and not yet acknowledged, or acknowledged and not yet marked: still in the outbox, yet on its way. */
    private final Set<String> underway = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-published-marks");
        thread.setDaemon(true);
        return thread;
    });

    PublishedMarks(CaseStore store) {
        this.store = store;
    }

    void sending(String eventId) {
        underway.add(eventId);
    }

    void notAcknowledged(String eventId) {
        underway.remove(eventId);
    }

    boolean isUnderway(String eventId) {
        return underway.contains(eventId);
    }

    void acknowledged(CaseId caseId, String eventId) {
        acknowledged.add(new Mark(caseId, eventId));
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException closing) {
                // acknowledged while the service stops: close() writes what it finds, the relay sends the rest again
                draining.set(false);
            }
        }
    }

    private void drain() {
        do {
            writeAll();
            draining.set(false);
            // a mark added after the last poll but before the flag was cleared found it set: take it now
        } while (!acknowledged.isEmpty() && draining.compareAndSet(false, true));
    }

    private void writeAll() {
        List<Mark> batch = new ArrayList<>();
        for (Mark mark = acknowledged.poll(); mark != null; mark = acknowledged.poll()) {
            batch.add(mark);
            if (batch.size() == MAX_BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<Mark> batch) {
        Map<CaseId, List<String>> byCase = new LinkedHashMap<>();
        batch.forEach(mark -> byCase.computeIfAbsent(mark.caseId(), id -> new ArrayList<>()).add(mark.eventId()));
        try {
            store.markPublished(byCase);
        } catch (RuntimeException notWritten) {
            log.warn("{} acknowledged events not marked published; the relay sends them again: {}", batch.size(),
                    notWritten.getMessage());
        }
        batch.forEach(mark -> underway.remove(mark.eventId()));
    }

    /** Writes what was acknowledged before the store goes away. */
    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        writeAll();
    }
}
