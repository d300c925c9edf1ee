package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.publishing.IdempotencyRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * When Kafka stops acknowledging, the citizen is told in Swedish that the synpunkt was NOT received (503), with
 * what they wrote and the form's idempotency key kept, so sending again re-publishes the same event. The broker
 * is a real one the test stops, as in {@link KafkaUnavailableIntegrationTests}.
 */
class SynpunktPageWithoutKafkaIntegrationTests extends BrokerStoppedIntegrationTestContext {

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
