package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
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
 * When Kafka stops acknowledging, the citizen is told in Swedish that the synpunkt was NOT received (503), with
 * what they wrote and the form's idempotency key kept, so sending again re-publishes the same event. The broker
 * is a real one the test stops, as in {@link KafkaUnavailableIntegrationTests}.
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
class SynpunktPageWithoutKafkaIntegrationTests {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-page-kafka-down-it"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void saysInSwedishThatTheSynpunktWasNotReceivedAndKeepsTheFormAndItsKeyForAnotherTry() throws Exception {
        mvc.perform(SynpunktFormPost.complaint().fromTheFormShownBy(mvc).request()).andExpect(status().isOk());
        broker.destroy();
        SynpunktFormPost form = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);

        String html = mvc.perform(form.request())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "15"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.selectFirst("[role=alert] h2").text()).isEqualTo("Din synpunkt har inte tagits emot");
        assertThat(page.selectFirst("[role=alert]").text()).contains("Försök igen om en stund");
        assertThat(page.getElementById("text").text()).isEqualTo(SynpunktFormPost.TEXT);
        assertThat(page.selectFirst("input[name=kind][checked]").val()).isEqualTo("klagomål");
        assertThat(page.getElementById("email").val()).isEqualTo("karin@example.se");
        assertThat(page.selectFirst("input[name=idempotencyKey]").val()).isEqualTo(form.idempotencyKey());
        IdempotencyRecord record = mongo.findById("web-form:" + form.idempotencyKey(), IdempotencyRecord.class);
        assertThat(record).isNotNull();
        assertThat(record.published()).isFalse();
    }
}
