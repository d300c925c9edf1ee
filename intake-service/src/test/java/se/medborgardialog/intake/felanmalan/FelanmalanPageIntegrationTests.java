package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.json.JsonMapper;

/** The citizen's felanmälan page: the form, the receipt (new and linked), errors, and the start page's link. */
class FelanmalanPageIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    FelanmalanProperties properties;
    @Autowired
    FelanmalanReports reports;
    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theFormIsSwedishLabelsEveryControlAndOffersTheCatalogueAsRadios() throws Exception {
        Document page = page(mvc.perform(get("/felanmalan")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.title()).isEqualTo("Felanmälan – Exempelkommun");
        assertThat(page.select("h1").eachText()).containsExactly("Felanmälan");
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("script, link[href^=http], link[href^=//]")).isEmpty();

        Element form = page.getElementById("felanmalan-form");
        // The bot trap (abuse/BotTrap) is no control for people: AbuseIntegrationTests checks it.
        List<Element> controls = form.select("input:not([type=hidden]), select, textarea");
        controls.removeIf(control -> control.closest(".bot-trap") != null);
        assertThat(controls).hasSize(7 + 1 + 3 + 1 + 3);
        for (Element control : controls) {
            assertThat(control.id()).as("id of %s", control).isNotBlank();
            assertThat(page.select("label[for=" + control.id() + "]")).as("label for %s", control.id()).hasSize(1);
        }
        assertThat(form.select("fieldset legend").eachText())
                .containsExactly("Vad gäller felet?", "Var finns felet?", "Kontaktuppgifter (frivilligt)");
        assertThat(form.select("input[type=radio][name=category]").eachAttr("value"))
                .containsExactlyElementsOf(properties.categories().stream().map(FelanmalanCategory::id).toList());
        assertThat(form.select("input[type=radio] + label").eachText())
                .containsExactlyElementsOf(properties.categories().stream().map(FelanmalanCategory::name).toList());
        assertThat(describedBy(page, "latitude")).contains("WGS84");
        assertThat(describedBy(page, "longitude")).contains("WGS84");
        assertThat(form.getElementById("latitude").attr("type")).isEqualTo("text");
        assertThat(form.getElementById("address").attr("autocomplete")).isEqualTo("street-address");
        assertThat(form.getElementById("email").attr("autocomplete")).isEqualTo("email");
        assertThat(form.selectFirst("input[type=hidden][name=_csrf]").val()).isNotBlank();
        String key = form.selectFirst("input[type=hidden][name=idempotencyKey]").val();
        assertThat(UUID.fromString(key).toString()).isEqualTo(key);
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Skicka felanmälan");
    }

    @Test
    void theStartPageLinksToTheFelanmalanPage() throws Exception {
        Document start = page(mvc.perform(get("/")).andExpect(status().isOk()));

        assertThat(start.select("main a[href=/felanmalan]").eachText()).containsExactly("Gör en felanmälan");
    }

    @Test
    void aValidFormGivesTheReceiptWithTheTrackingCodeAndPublishesOneRecord() throws Exception {
        long before = topic.size();

        Document receipt = page(mvc.perform(FelanmalanFormPost.streetLightOut().fromTheFormShownBy(mvc).request())
                .andExpect(status().isOk()));

        assertThat(receipt.title()).isEqualTo("Tack för din felanmälan – Exempelkommun");
        assertThat(receipt.select("h1").eachText()).containsExactly("Tack för din felanmälan");
        assertThat(receipt.getElementById("linked")).isNull();
        assertThat(receipt.getElementById("answer").text())
                .isEqualTo("Vi ska ha hanterat anmälan senast måndag 7 december 2026.");
        String trackingCode = receipt.selectFirst("code#tracking-code").text();
        assertThat(receipt.getElementById("status-link").attr("href")).isEqualTo("/status?kod=" + trackingCode);
        assertThat(trackingCode).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        List<ConsumerRecord<String, String>> records = topic.records().stream()
                .filter(record -> record.value().contains(trackingCode)).toList();
        assertThat(records).hasSize(1);
        var event = jsonMapper.readTree(records.get(0).value());
        assertThat(event.get("channel").asString()).isEqualTo("WEB");
        assertThat(event.get("location").get("address").asString()).isEqualTo("Busshållplatsen Torget");
        assertThat(topic.size()).isEqualTo(before + 1);
    }

    @Test
    void aReportNextToAnOpenOneSaysItWasLinkedAndCanBeFollowedWithTheTrackingCode() throws Exception {
        FelanmalanFormPost first = FelanmalanFormPost.streetLightOut().fromTheFormShownBy(mvc);
        String firstCode = page(mvc.perform(first.request()).andExpect(status().isOk()))
                .selectFirst("code#tracking-code").text();
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.nearestOpen("gatubelysning",
                first.latitude(), first.longitude(), 1).filter(report -> report.trackingCode().equals(firstCode))
                .isPresent());

        Document receipt = page(mvc.perform(FelanmalanFormPost.streetLightOut()
                .at(GeoTests.north(first.latitude(), 60), first.longitude())
                .fromTheFormShownBy(mvc).request()).andExpect(status().isOk()));

        assertThat(receipt.getElementById("linked").text()).isEqualTo("Det finns redan en anmälan om detta i "
                + "närheten; din anmälan har kopplats till den och du kan följa den med din spårningskod.");
        assertThat(receipt.selectFirst("code#tracking-code").text()).isNotEqualTo(firstCode);
        assertThat(receipt.getElementById("answer")).as("a linked report follows the case's own date").isNull();
    }

    @Test
    void aFormWithoutALocationIsShownAgainWithAnErrorSummaryAndPublishesNothing() throws Exception {
        long before = topic.size();

        Document page = page(mvc.perform(FelanmalanFormPost.streetLightOut().set("address", "")
                .set("latitude", "").set("longitude", "").set("description", "Trasig gunga")
                .fromTheFormShownBy(mvc).request()).andExpect(status().isBadRequest()));

        assertThat(page.title()).startsWith("Fel: Felanmälan");
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#address");
        assertThat(page.getElementById("location-error").text()).contains("Ange var felet finns");
        assertThat(page.getElementById("description").text()).isEqualTo("Trasig gunga");
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void aLatitudeThatIsNotANumberIsMarkedOnItsField() throws Exception {
        long before = topic.size();

        Document page = page(mvc.perform(FelanmalanFormPost.streetLightOut().set("latitude", "norr om kyrkan")
                .set("category", "").fromTheFormShownBy(mvc).request()).andExpect(status().isBadRequest()));

        assertThat(page.selectFirst(".error-summary").select("a").eachAttr("href"))
                .containsExactly("#category-gatubelysning", "#latitude");
        assertThat(page.getElementById("latitude").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("latitude").attr("aria-describedby")).isEqualTo("latitude-hint latitude-error");
        assertThat(page.getElementById("latitude").val()).isEqualTo("norr om kyrkan");
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long before = topic.size();

        mvc.perform(FelanmalanFormPost.streetLightOut().request()).andExpect(status().isForbidden());

        assertThat(topic.size()).isEqualTo(before);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String describedBy(Document page, String id) {
        StringBuilder text = new StringBuilder();
        for (String describing : page.getElementById(id).attr("aria-describedby").split(" ")) {
            text.append(page.getElementById(describing).text()).append(' ');
        }
        return text.toString();
    }
}
