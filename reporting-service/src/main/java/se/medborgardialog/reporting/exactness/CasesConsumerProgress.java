package se.medborgardialog.reporting.exactness;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Topics;

/**
 * How far the live consumer group has read the cases topic: its committed offset per partition (the next record it
 * will read; every record before it is applied to the facts and cells, as the binder commits after processing).
 */
@Component
class CasesConsumerProgress implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String group;

    CasesConsumerProgress(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            CaseStoreReconciliationProperties properties) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        this.group = properties.consumerGroup();
    }

    Map<Integer, Long> committed() {
        try {
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(Topics.CASES) && offset != null) {
                            offsets.put(partition.partition(), offset.offset());
                        }
                    });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseStoreReconciliation.BrokerUnavailableException("Interrupted while reading the offsets of " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CaseStoreReconciliation.BrokerUnavailableException("Could not read the offsets of " + group + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
