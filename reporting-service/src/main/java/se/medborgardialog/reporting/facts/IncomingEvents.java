package se.medborgardialog.reporting.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import se.medborgardialog.consuming.PollRecords;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The three consumers ({@code caseEvents}, {@code deadlineEvents}, {@code submissionEvents}), in batch mode: a poll
 * at a time. Each record's {@code ce_type} says how it changes its fact; unknown types are ignored. The poll's changes
 * are applied together ({@link CaseFacts#applyAll}: a handful of store round trips for the whole poll), each case's
 * in their order. A record that cannot be read or applied is named to the container by its index
 * ({@link BatchListenerFailedException}): the records before it stay done, it is retried and finally dead-lettered
 * alone, and the records after it come again (counted once: the changes are idempotent).
 */
@Component
class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final FactEvents events;
    private final CaseFacts facts;
    private final MeterRegistry registry;

    IncomingEvents(FactEvents events, CaseFacts facts, MeterRegistry registry) {
        this.events = events;
        this.facts = facts;
        this.registry = registry;
    }

    void handle(List<Message<byte[]>> records) {
        long start = System.nanoTime();
        List<FactEvents.Change> changes = new ArrayList<>(records.size());
        List<Integer> indexes = new ArrayList<>(records.size());
        String[] outcomes = new String[records.size()];
        int unreadable = records.size();
        RuntimeException unreadableBecause = null;
        for (int index = 0; index < records.size(); index++) {
            Message<byte[]> record = records.get(index);
            try {
                Optional<FactEvents.Change> change = events.read(typeOf(record), record.getPayload());
                if (change.isEmpty()) {
                    log.debug("Event of type {} on {} ignored", typeOf(record), CloudEventMessageUtils.getSubject(record));
                    outcomes[index] = "ignored";
                } else {
                    changes.add(change.get());
                    indexes.add(index);
                }
            } catch (RuntimeException e) {
                unreadable = index;
                unreadableBecause = e;
                break;
            }
        }
        CaseFacts.Applied applied;
        try {
            applied = facts.applyAll(changes);
        } catch (RuntimeException failed) {
            // the store failed: the poll is retried from its first change
            int first = indexes.isEmpty() ? unreadable : indexes.get(0);
            stop(records, outcomes, first, start);
            throw new BatchListenerFailedException(failed.getMessage(), failed, first);
        }
        int failedAt = unreadable;
        RuntimeException failure = unreadableBecause;
        if (applied.failure() != null && indexes.get(applied.applied()) < failedAt) {
            failedAt = indexes.get(applied.applied());
            failure = applied.failure();
        }
        for (int i = 0; i < changes.size() && indexes.get(i) < failedAt; i++) {
            String type = typeOf(records.get(indexes.get(i)));
            Counter.builder("medborgardialog.reporting.events").tag("type", type).register(registry).increment();
            outcomes[indexes.get(i)] = "processed";
        }
        stop(records, outcomes, failedAt, start);
        log.debug("Poll of {} records: {} changes applied", records.size(), Math.min(changes.size(), applied.applied()));
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
        }
    }

    /** Times the records before {@code end} with their share of the poll's time, and the failing one as failed. */
    private void stop(List<Message<byte[]>> records, String[] outcomes, int end, long start) {
        int timed = Math.min(end + 1, records.size());
        if (timed == 0) {
            return;
        }
        long share = (System.nanoTime() - start) / timed;
        for (int index = 0; index < timed; index++) {
            String type = typeOf(records.get(index));
            String outcome = index == end ? "failed" : outcomes[index];
            Timer.builder("medborgardialog.messages.processed")
                    .tag("type", events.counts(type) ? type : "other")
                    .tag("outcome", outcome == null ? "failed" : outcome)
                    .register(registry).record(share, TimeUnit.NANOSECONDS);
        }
    }

    /** Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it). */
    private static String typeOf(Message<byte[]> record) {
        return CloudEventMessageUtils.getType(record);
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Event lacks " + field);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        @Bean
        Consumer<Message<List<byte[]>>> caseEvents(IncomingEvents incoming) {
            return poll -> incoming.handle(PollRecords.of(poll));
        }

        @Bean
        Consumer<Message<List<byte[]>>> deadlineEvents(IncomingEvents incoming) {
            return poll -> incoming.handle(PollRecords.of(poll));
        }

        @Bean
        Consumer<Message<List<byte[]>>> submissionEvents(IncomingEvents incoming) {
            return poll -> incoming.handle(PollRecords.of(poll));
        }
    }
}
