package se.medborgardialog.benchmark.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker's own limit for our records: one producer with intake's settings ({@code acks=all}, idempotence on,
 * {@code linger.ms=0}, the default {@code batch.size} of 16 KiB, no compression; intake-service's application.yml)
 * sending a real {@code SynpunktSubmitted} (value and headers as intake wrote them, a fresh case-id key each) as fast as
 * it goes, {@code count} times, to a topic of its own with the same three partitions.
 */
final class RawProducer {

    static final String TOPIC = "benchmark.raw-producer.v1";

    private RawProducer() {
    }

    static Map<String, Object> run(String bootstrap, ConsumerRecord<String, byte[]> sample, int count) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            if (!a.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                a.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", count);
        result.put("recordBytes", EventTracker.size(sample));
        result.put("settings", "acks=all, enable.idempotence=true, linger.ms=0, batch.size=16384, compression none");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            // warm-up: metadata, connections, the JIT
            send(producer, sample, Math.min(5_000, count));
            long started = System.nanoTime();
            send(producer, sample, count);
            double seconds = (System.nanoTime() - started) / 1e9;
            result.put("seconds", Math.round(seconds * 100) / 100.0);
            result.put("recordsPerSecond", Math.round(count / seconds));
            // what intake actually does per request: one send, then wait for the broker's ack, in a single thread
            int syncCount = Math.min(2_000, count);
            started = System.nanoTime();
            for (int i = 0; i < syncCount; i++) {
                producer.send(record(sample)).get();
            }
            seconds = (System.nanoTime() - started) / 1e9;
            result.put("syncOneAtATimeRecordsPerSecond", Math.round(syncCount / seconds));
        }
        return result;
    }

    private static void send(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> sample, int count)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < count; i++) {
            producer.send(record(sample), (metadata, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }
        producer.flush();
        if (!done.await(5, TimeUnit.MINUTES) || failed.get() > 0) {
            throw new IllegalStateException("raw producer: " + failed.get() + " sends failed");
        }
    }

    private static ProducerRecord<String, byte[]> record(ConsumerRecord<String, byte[]> sample) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), sample.value());
        for (Header h : sample.headers()) {
            record.headers().add(h.key(), h.value());
        }
        return record;
    }
}
