package se.medborgardialog.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.testsupport.InProcessMongo;

/** The consumer's checkpoints in the embedded store: one write per {@code checkpoint-every} records, and at hand-over. */
class CaseCheckpointsTests {

    private static final String TOPIC = "medborgardialog.cases.v1";

    private final String database = "checkpoints-" + UUID.randomUUID();
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        client = MongoClients.create(InProcessMongo.uri(database));
        mongo = new MongoTemplate(client, database);
    }

    @AfterEach
    void close() {
        client.getDatabase(database).drop();
        client.close();
    }

    private CaseCheckpoints every(int records) {
        return new CaseCheckpoints(mongo, new TimerProperties(Duration.ofMillis(50), 10_000, 8, records));
    }

    @Test
    void oneWriteCoversSeveralRecordsAndTheStoredCheckpointNeverRunsAhead() {
        CaseCheckpoints checkpoints = every(3);
        checkpoints.startAt(TOPIC, 0, 10);

        checkpoints.written(TOPIC, 0, 10);
        checkpoints.written(TOPIC, 0, 11);
        assertThat(every(3).next(TOPIC, 0)).isEqualTo(OptionalLong.of(10));
        checkpoints.written(TOPIC, 0, 12);
        assertThat(every(3).next(TOPIC, 0)).isEqualTo(OptionalLong.of(13));
        checkpoints.written(TOPIC, 0, 13);

        assertThat(every(3).next(TOPIC, 0)).isEqualTo(OptionalLong.of(13));
        assertThat(every(3).next(TOPIC, 1)).isEmpty();
    }

    @Test
    void givingUpAPartitionWritesItsLatestCheckpoint() {
        CaseCheckpoints checkpoints = every(32);
        checkpoints.startAt(TOPIC, 0, 0);
        checkpoints.startAt(TOPIC, 1, 0);
        checkpoints.written(TOPIC, 0, 0);
        checkpoints.written(TOPIC, 0, 1);
        checkpoints.written(TOPIC, 1, 0);

        checkpoints.flush(TOPIC, List.of(0));

        assertThat(every(32).next(TOPIC, 0)).isEqualTo(OptionalLong.of(2));
        assertThat(every(32).next(TOPIC, 1)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void aPartitionAssignedAgainForgetsWhatItsEarlierOwnershipLeftUnwritten() {
        CaseCheckpoints checkpoints = every(32);
        checkpoints.startAt(TOPIC, 0, 0);
        checkpoints.written(TOPIC, 0, 0);

        assertThat(checkpoints.next(TOPIC, 0)).isEqualTo(OptionalLong.of(0));
        checkpoints.flush(TOPIC, List.of(0));

        assertThat(checkpoints.next(TOPIC, 0)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void everyRecordIsWrittenWhenOneWriteCoversOne() {
        CaseCheckpoints checkpoints = every(1);

        checkpoints.written(TOPIC, 2, 41);

        assertThat(every(1).next(TOPIC, 2)).isEqualTo(OptionalLong.of(42));
    }
}
