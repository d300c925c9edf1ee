package se.medborgardialog.intake.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/** Idempotency records are marked published off the request thread, several in one bulk write. */
class PublishedMarksIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    PublishedMarks marks;
    @Autowired
    MongoTemplate mongo;

    @Test
    void marksRecordsPublishedInTheBackgroundAndCountsThemPublishedUntilTheMarkIsWritten() {
        List<String> keys = List.of(pendingRecord(), pendingRecord(), pendingRecord());

        keys.forEach(marks::mark);

        keys.forEach(key -> assertThat(marks.isPending(key) || stored(key).published())
                .as("published, in the store or about to be: %s", key).isTrue());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> keys.forEach(key -> {
            assertThat(stored(key).published()).isTrue();
            assertThat(stored(key).publishedAt()).isNotNull();
        }));
        keys.forEach(key -> assertThat(marks.isPending(key)).isFalse());
    }

    @Test
    void aMarkWhileTheWriterIsStoppedIsWrittenAtOnce() {
        String key = pendingRecord();
        marks.stop();
        try {
            marks.mark(key);

            assertThat(stored(key).published()).isTrue();
            assertThat(marks.isPending(key)).isFalse();
        } finally {
            marks.start();
        }
    }

    private String pendingRecord() {
        String key = "mark-" + UUID.randomUUID();
        mongo.insert(IdempotencyRecord.pending(key, "hash", null, "{}", NOW));
        return key;
    }

    private IdempotencyRecord stored(String key) {
        return mongo.findById(key, IdempotencyRecord.class);
    }
}
