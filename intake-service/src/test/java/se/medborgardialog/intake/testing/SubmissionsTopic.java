package se.medborgardialog.intake.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import se.medborgardialog.contracts.Topics;

/** Reads the submissions topic from the beginning with a plain KafkaConsumer, as any other service would. */
public final class SubmissionsTopic {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.SUBMISSIONS, 0);

    private final String brokers;

    public SubmissionsTopic(String brokers) {
        this.brokers = brokers;
    }

    /** Every record on the (single-partition) topic up to its current end. */
    public List<ConsumerRecord<String, String>> records() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(brokers, "intake-tests", false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(PARTITION) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    public List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return records().stream().filter(record -> key.equals(record.key())).toList();
    }

    public long size() {
        return records().size();
    }
}
