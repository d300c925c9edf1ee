package se.medborgardialog.sla.timer;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition Kafka's default partitioner gives a record keyed by the case id: where that case's events are. */
final class CasePartitioner {

    private CasePartitioner() {
    }

    static int partitionOf(String caseId, int partitions) {
        return Utils.toPositive(Utils.murmur2(caseId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
