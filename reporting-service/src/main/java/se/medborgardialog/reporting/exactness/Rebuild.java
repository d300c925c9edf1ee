package se.medborgardialog.reporting.exactness;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.facts.CaseFacts;
import se.medborgardialog.reporting.facts.FactEvents;

/**
 * Rebuilds the facts and aggregates from scratch: a fresh consumer group reads the case, deadline and submission
 * topics from their beginning into a new generation, up to the ends the topics had when it started, while the live
 * consumers write every new event to both generations (so none falls between); then the new generation becomes the
 * active one and the old one is dropped. Since every fact transition is idempotent and order-independent, an event
 * that both the rebuild and the live consumer apply counts once, and the result equals what was counted live.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    static final List<String> TOPICS = List.of(Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS);

    /** What the last rebuild did: {@code IDLE}, {@code RUNNING}, {@code DONE} or {@code FAILED}. */
    public record Status(String state, Integer generation, Instant startedAt, Instant finishedAt, long eventsRead,
                         long eventsSkipped, String error) {
    }

    private final Generations generations;
    private final CaseFacts facts;
    private final FactEvents events;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String brokers;
    private final RebuildProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "reporting-rebuild"));
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", null, null, null, 0, 0, null));

    Rebuild(Generations generations, CaseFacts facts, FactEvents events, MongoTemplate mongo, Clock clock,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, RebuildProperties properties) {
        this.generations = generations;
        this.facts = facts;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.brokers = brokers;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (properties.onStart()) {
            log.info("reporting.rebuild.on-start: rebuilding the statistics from the topics' beginning");
            start();
        }
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; refused (IllegalStateException) while one is running. */
    public synchronized Status start() {
        if ("RUNNING".equals(status.get().state())) {
            throw new IllegalStateException("A rebuild is already under way");
        }
        drop(new Generation(generations.active().number() + 1)); // anything a failed earlier attempt left
        Generation building = generations.beginBuilding();
        Status running = new Status("RUNNING", building.number(), clock.instant(), null, 0, 0, null);
        status.set(running);
        executor.submit(() -> run(building, running));
        return running;
    }

    private void run(Generation building, Status running) {
        long read = 0;
        long skipped = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "reporting-service-rebuild-" + building.number() + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Taken after the live consumers began writing to both generations (beginBuilding came first).
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // the live consumers have those
                    }
                    try {
                        var change = events.read(type(record), record.value());
                        if (change.isPresent()) {
                            facts.apply(change.get().factId(), change.get().transition(), building);
                            read++;
                        }
                    } catch (RuntimeException e) {
                        // The live consumer dead-lettered it too; a rebuild counts what the live consumer counted.
                        skipped++;
                        log.warn("Rebuild skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
                status.set(new Status("RUNNING", building.number(), running.startedAt(), null, read, skipped, null));
            }
            consumer.commitSync();
            Generation old = generations.active();
            generations.swap(building);
            drop(old);
            status.set(new Status("DONE", building.number(), running.startedAt(), clock.instant(), read, skipped, null));
            log.info("Rebuild of generation {} done: {} events applied, {} skipped; generation {} dropped",
                    building.number(), read, skipped, old.number());
        } catch (RuntimeException e) {
            generations.abandon(building);
            status.set(new Status("FAILED", building.number(), running.startedAt(), clock.instant(), read, skipped,
                    e.getMessage()));
            log.error("Rebuild of generation {} failed", building.number(), e);
        }
    }

    private void drop(Generation generation) {
        mongo.dropCollection(generation.facts());
        mongo.dropCollection(generation.days());
        mongo.dropCollection(generation.months());
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
