package se.medborgardialog.cases.reconciliation;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Topics;

/** The end offset of every partition of the cases topic, as the broker states it now. */
@Component
class CasesTopicEnds implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;

    CasesTopicEnds(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    Map<Integer, Long> now() {
        try {
            var topic = admin.describeTopics(java.util.List.of(Topics.CASES)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(Topics.CASES);
            Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream().collect(Collectors.toMap(
                    p -> new TopicPartition(Topics.CASES, p.partition()), p -> OffsetSpec.latest()));
            Map<Integer, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, offset) -> ends.put(partition.partition(), offset.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the ends of " + Topics.CASES, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the ends of " + Topics.CASES + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
