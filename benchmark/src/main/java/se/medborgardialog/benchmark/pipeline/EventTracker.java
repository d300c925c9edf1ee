package se.medborgardialog.benchmark.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;

/**
 * Its own consumer group on the submissions, cases and deadlines topics, from the end. Every record is keyed by the case
 * id, which is the submission id, so nothing needs parsing: it keeps, per case, the broker record timestamp (CreateTime:
 * set by the producing service when it sent the event) of the first {@code CaseOpened} and the first
 * {@code DeadlineScheduled}, and measures the size of intake's serialized events (value, key and headers) and keeps
 * one {@code SynpunktSubmitted} to replay in the raw producer test.
 */
final class EventTracker implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean assigned = new AtomicBoolean();
    final Map<String, Long> caseOpened = new ConcurrentHashMap<>();
    final Map<String, Long> deadlineScheduled = new ConcurrentHashMap<>();
    final AtomicLong submissionRecords = new AtomicLong();
    final AtomicLong submissionBytes = new AtomicLong();
    final AtomicLong downstreamRecords = new AtomicLong();
    final AtomicReference<ConsumerRecord<String, byte[]>> sample = new AtomicReference<>();

    EventTracker(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "pipeline-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        thread = new Thread(this::run, "event-tracker");
        thread.setDaemon(true);
    }

    /** Subscribes and returns once partitions are assigned (and positioned at the end). */
    void start() {
        thread.start();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!assigned.get() && System.nanoTime() < giveUp) {
            pause(100);
        }
        if (!assigned.get()) {
            throw new IllegalStateException("the benchmark's consumer got no partitions within 60 s");
        }
    }

    private void run() {
        Set<String> cases = Set.of(EventTypes.CASE_OPENED);
        consumer.subscribe(List.of(Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES));
        while (!stop.get()) {
            var records = consumer.poll(Duration.ofMillis(100));
            if (!consumer.assignment().isEmpty() && !assigned.get()) {
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                assigned.set(true);
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = header(record, "ce_type");
                switch (record.topic()) {
                    case Topics.SUBMISSIONS -> {
                        submissionRecords.incrementAndGet();
                        submissionBytes.addAndGet(size(record));
                        if (EventTypes.SYNPUNKT_SUBMITTED.equals(type)) {
                            sample.compareAndSet(null, record);
                        }
                    }
                    case Topics.CASES -> {
                        downstreamRecords.incrementAndGet();
                        if (cases.contains(type)) {
                            caseOpened.putIfAbsent(record.key(), record.timestamp());
                        }
                    }
                    default -> {
                        downstreamRecords.incrementAndGet();
                        if (EventTypes.DEADLINE_SCHEDULED.equals(type)) {
                            deadlineScheduled.putIfAbsent(record.key(), record.timestamp());
                        }
                    }
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** What a record weighs on the wire before batching: key, value and headers. */
    static long size(ConsumerRecord<String, byte[]> record) {
        long bytes = record.value() == null ? 0 : record.value().length;
        bytes += record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
        for (Header h : record.headers()) {
            bytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return bytes;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
