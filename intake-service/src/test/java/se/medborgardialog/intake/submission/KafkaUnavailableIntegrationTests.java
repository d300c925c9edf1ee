package se.medborgardialog.intake.submission;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.Topics;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * When the broker stops acknowledging, a submission is answered 503 with Retry-After within the producer
 * timeouts, never 202, and its idempotency record stays unpublished so a retry re-publishes the same event.
 * The broker is a real one that the test stops: the producer then meets a closed port. (Starting the service
 * with no broker at all is no cheap alternative: the binder blocks startup until Kafka answers.)
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=4000",
        "spring.cloud.stream.kafka.bindings.submissions.producer.send-timeout-expression=5000",
        "logging.level.org.apache.kafka.clients.NetworkClient=ERROR",
        "intake.retry-after=15s"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = Topics.SUBMISSIONS)
@DirtiesContext
class KafkaUnavailableIntegrationTests {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-kafka-down-it"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;

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
        assertThat(record.event().json()).contains(record.receipt().submissionId());
    }

    private static MockHttpServletRequestBuilder submission(String idempotencyKey) {
        return post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .content(SubmissionJson.complaint().json().getBytes(StandardCharsets.UTF_8));
    }
}
