package se.medborgardialog.intake.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes contract events the way the other services do (CloudEvents binary headers, keyed by case id), with a
 * plain KafkaProducer, for tests of what intake-service does with what it reads back.
 */
public final class EventsOnKafka {

    private final String brokers;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    public EventsOnKafka(String brokers) {
        this.brokers = brokers;
    }

    /** Sends {@code event} as JSON with a fresh ce_id and waits for the broker's ack. */
    public void send(String topic, String key, String type, Object event) {
        send(topic, key, type, UUID.randomUUID().toString(), event);
    }

    public void send(String topic, String key, String type, String eventId, Object event) {
        Map<String, Object> props = KafkaTestUtils.producerProps(brokers);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_source", "/tests");
            header(record, "ce_type", type);
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_subject", key);
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (Exception failed) {
            throw new IllegalStateException("Could not send test event " + type, failed);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
