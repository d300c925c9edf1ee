package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.publishing.IdempotencyRecord;
import se.medborgardialog.personaldata.PersonalDataCipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * When the broker stops acknowledging, a submission is answered 503 with Retry-After within the producer
 * timeouts, never 202, and its idempotency record stays unpublished so a retry re-publishes the same event.
 * The broker is a real one that the test stops: the producer then meets a closed port. (Starting the service
 * with no broker at all is no cheap alternative: the binder blocks startup until Kafka answers.)
 */
class KafkaUnavailableIntegrationTests extends BrokerStoppedIntegrationTestContext {

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void answers503WithRetryAfterAndLeavesTheSubmissionUnpublishedWhenTheBrokerIsDown() throws Exception {
        mvc.perform(submission("warm-up-" + UUID.randomUUID())).andExpect(status().isAccepted());
        broker.destroy();
        String key = "down-" + UUID.randomUUID();
        long started = System.nanoTime();

        mvc.perform(submission(key))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "15"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        IdempotencyRecord record = mongo.findById(key, IdempotencyRecord.class);
        assertThat(record).isNotNull();
        assertThat(record.published()).isFalse();
        // Stored encrypted (personal data at rest); the idempotency store decrypts it on read.
        assertThat(cipher.decrypt(record.receiptJson())).contains(record.event().subject());
    }

    private static MockHttpServletRequestBuilder submission(String idempotencyKey) {
        return post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .content(SubmissionJson.complaint().json().getBytes(StandardCharsets.UTF_8));
    }
}
