package se.medborgardialog.intake.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

class IdempotencyRetentionIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    IdempotencyRetention retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void removesRecordsOlderThanThirtyDaysAndKeepsTheRest() {
        String old = "gammal-" + UUID.randomUUID();
        String recent = "ny-" + UUID.randomUUID();
        mongo.insert(IdempotencyRecord.pending(old, "hash", null, "{}", NOW.minus(Duration.ofDays(31))));
        mongo.insert(IdempotencyRecord.pending(recent, "hash", null, "{}", NOW.minus(Duration.ofDays(29))));

        long removed = retention.removeExpired();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(mongo.findById(old, IdempotencyRecord.class)).isNull();
        assertThat(mongo.findById(recent, IdempotencyRecord.class)).isNotNull();
        assertThat(retention.removeExpired()).as("nothing left to remove").isZero();
    }
}
