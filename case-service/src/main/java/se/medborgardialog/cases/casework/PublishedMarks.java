package se.medborgardialog.cases.casework;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.medborgardialog.outbox.BatchedWriter;
import se.medborgardialog.contracts.CaseId;

/**
 * Takes acknowledged events out of their cases' outboxes in batches: whatever was acknowledged while the previous
 * batch was written goes out in one store update, off the producer's and the consumers' threads. A mark that is never
 * written (a crash, the store away) only leaves the event pending: the relay sends it again, a duplicate consumers drop.
 */
@Component
class PublishedMarks {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    private record Mark(CaseId caseId, String eventId) {
    }

    /** Sent and not yet acknowledged, or acknowledged and not yet marked: still in the outbox, yet on its way. */
    private final Set<String> underway = ConcurrentHashMap.newKeySet();
    private final BatchedWriter<Mark> writer;

    PublishedMarks(CaseStore store) {
        this.writer = BatchedWriter.<Mark>writingWith(batch -> store.markPublished(byCase(batch)))
                .named("outbox-published-marks")
                .atMost(1_000)
                .whenWritten(this::noLongerUnderway)
                .whenNotWritten((batch, failure, willRetry) -> {
                    log.warn("{} acknowledged events not marked published; the relay sends them again: {}",
                            batch.size(), failure.getMessage());
                    noLongerUnderway(batch);
                })
                .start();
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
        writer.add(new Mark(caseId, eventId));
    }

    private void noLongerUnderway(List<Mark> batch) {
        batch.forEach(mark -> underway.remove(mark.eventId()));
    }

    private static Map<CaseId, List<String>> byCase(List<Mark> batch) {
        Map<CaseId, List<String>> byCase = new LinkedHashMap<>();
        batch.forEach(mark -> byCase.computeIfAbsent(mark.caseId(), id -> new ArrayList<>()).add(mark.eventId()));
        return byCase;
    }

    /** Writes what was acknowledged before the store goes away. */
    @PreDestroy
    void close() {
        writer.close();
    }
}
