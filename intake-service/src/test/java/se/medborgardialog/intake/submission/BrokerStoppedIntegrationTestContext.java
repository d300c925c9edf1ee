package se.medborgardialog.intake.submission;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * A context whose real broker a test stops, with producer timeouts of seconds so the 503 comes quickly.
 * (Starting the service with no broker at all is no cheap alternative: the binder blocks startup until Kafka
 * answers.) Each subclass dirties its context, since its broker is gone afterwards.
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
public abstract class BrokerStoppedIntegrationTestContext {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-kafka-down-it"));
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected EmbeddedKafkaBroker broker;
}
