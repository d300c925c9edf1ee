package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

import se.medborgardialog.intake.publishing.IdempotencyRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.intake.category.Category;
import se.medborgardialog.intake.category.CategoryCatalogue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's pages, in the same context as {@link SubmissionIntegrationTests}: the form, the receipt, the
 * errors, and that a form post publishes exactly what the JSON API would, once.
 */
class SynpunktPageIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    CategoryCatalogue catalogue;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theFormIsSwedishLabelsEveryControlOffersTheCatalogueAndCarriesAFreshIdempotencyKey() throws Exception {
        Document page = page(mvc.perform(get("/synpunkt")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.title()).isEqualTo("Lämna en synpunkt – Exempelkommun");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.getElementById("main").tagName()).isEqualTo("main");
        assertThat(page.select("table")).isEmpty();
        assertThat(page.select("script, link[href^=http], link[href^=//]")).isEmpty();

        Element form = page.getElementById("synpunkt-form");
        // The bot trap (abuse/BotTrap) is no control for people: AbuseIntegrationTests checks it.
        List<Element> controls = form.select("input:not([type=hidden]), select, textarea");
        controls.removeIf(control -> control.closest(".bot-trap") != null);
        assertThat(controls).hasSize(4 + 1 + 1 + 1 + 3);
        for (Element control : controls) {
            assertThat(control.id()).as("id of %s", control).isNotBlank();
            assertThat(page.select("label[for=" + control.id() + "]")).as("label for %s", control.id()).hasSize(1);
        }
        assertThat(form.select("fieldset legend").eachText())
                .containsExactly("Vad vill du lämna?", "Kontaktuppgifter (frivilligt)");
        assertThat(form.select("input[type=radio][name=kind]").eachAttr("value"))
                .containsExactly("beröm", "klagomål", "förslag", "fråga");
        assertThat(form.select("input[type=radio] + label").eachText())
                .containsExactly("Beröm", "Klagomål", "Förslag", "Fråga");
        assertThat(form.select("select#category option[value]:not([value=''])").eachAttr("value"))
                .containsExactlyElementsOf(catalogue.categories().stream().map(Category::id).toList());
        assertThat(form.select("select#category option:not([value=''])").eachText())
                .containsExactlyElementsOf(catalogue.categories().stream().map(Category::name).toList());
        assertThat(describedBy(page, "text")).contains("Högst 5000 tecken");
        assertThat(page.getElementById("contact-hint").text()).contains("men vi kan inte svara dig");
        assertThat(form.getElementById("name").attr("autocomplete")).isEqualTo("name");
        assertThat(form.getElementById("email").attr("autocomplete")).isEqualTo("email");
        assertThat(form.getElementById("phone").attr("autocomplete")).isEqualTo("tel");
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Skicka synpunkt");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[type=hidden][name=_csrf]").val()).isNotBlank();

        String key = form.selectFirst("input[type=hidden][name=idempotencyKey]").val();
        assertThat(UUID.fromString(key).toString()).isEqualTo(key);
        String keyOfTheStartPage = page(mvc.perform(get("/")).andExpect(status().isOk()))
                .selectFirst("input[type=hidden][name=idempotencyKey]").val();
        assertThat(keyOfTheStartPage).isNotEqualTo(key);
    }

    @Test
    void aValidFormGivesTheReceiptPageWithTheTrackingCodeAndAnswerDateAndPublishesExactlyOneRecord() throws Exception {
        long before = topic.size();

        Document receipt = page(mvc.perform(submit(SynpunktFormPost.complaint().fromTheFormShownBy(mvc)))
                .andExpect(status().isOk()));

        assertThat(receipt.title()).isEqualTo("Tack för din synpunkt – Exempelkommun");
        assertThat(receipt.select("h1").eachText()).containsExactly("Tack för din synpunkt");
        String trackingCode = receipt.selectFirst("code#tracking-code").text();
        assertThat(trackingCode).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(receipt.getElementById("answer").text())
                .isEqualTo("Du får svar senast onsdag 25 november 2026.");

        List<ConsumerRecord<String, String>> records = recordsWithTrackingCode(trackingCode);
        assertThat(records).hasSize(1);
        var event = SealedEvents.unsealed(records.get(0).value());
        assertThat(event.get("kind").asString()).isEqualTo("KLAGOMAL");
        assertThat(event.get("category").asString()).isEqualTo("gata-och-trafik");
        assertThat(event.get("channel").asString()).isEqualTo("WEB");
        assertThat(event.get("text").asString()).isEqualTo(SynpunktFormPost.TEXT);
        assertThat(event.get("contact").get("email").asString()).isEqualTo("karin@example.se");
        assertThat(topic.size()).isEqualTo(before + 1);
    }

    @Test
    void sendingTheSameFormTwiceGivesTheSameTrackingCodeAndPublishesOnlyOnce() throws Exception {
        SynpunktFormPost form = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);
        long before = topic.size();

        String first = trackingCodeOn(mvc.perform(submit(form)).andExpect(status().isOk()));
        String second = trackingCodeOn(mvc.perform(submit(form)).andExpect(status().isOk()));

        assertThat(second).isEqualTo(first);
        assertThat(recordsWithTrackingCode(first)).hasSize(1);
        assertThat(topic.size()).isEqualTo(before + 1);
    }

    @Test
    void anAnonymousReceiptSaysTheSynpunktCannotBeAnswered() throws Exception {
        Document receipt = page(mvc.perform(submit(SynpunktFormPost.complaint().anonymous().fromTheFormShownBy(mvc)))
                .andExpect(status().isOk()));

        assertThat(receipt.getElementById("answer").text()).contains("kan vi inte svara dig");
        assertThat(receipt.selectFirst("code#tracking-code").text()).isNotBlank();
    }

    @Test
    void aFormWithMissingTextAndAnUnknownKindIsShownAgainWithLinkedErrorsAndKeptValuesAndPublishesNothing()
            throws Exception {
        SynpunktFormPost form = SynpunktFormPost.complaint().set("kind", "gnäll").set("text", "")
                .fromTheFormShownBy(mvc);
        long before = topic.size();

        Document page = page(mvc.perform(submit(form)).andExpect(status().isBadRequest()));

        assertThat(page.title()).startsWith("Fel: Lämna en synpunkt");
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.selectFirst("h2").text()).isEqualTo("Det finns fel i formuläret");
        List<String> links = summary.select("a").eachAttr("href");
        assertThat(links).containsExactly("#kind-berom", "#text");
        for (String link : links) {
            assertThat(page.getElementById(link.substring(1))).as("target of %s", link).isNotNull();
        }

        assertThat(page.getElementById("text").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("text-error").text()).isEqualTo("Fel: Skriv din synpunkt.");
        assertThat(page.getElementById("text").attr("aria-describedby").split(" ")).contains("text-error");
        assertThat(page.select("input[name=kind]").eachAttr("aria-invalid")).containsOnly("true").hasSize(4);
        assertThat(page.getElementById("kind-error").text()).startsWith("Fel: Okänd typ av synpunkt");
        assertThat(page.selectFirst("fieldset").attr("aria-describedby").split(" ")).contains("kind-error");
        assertThat(page.getElementById("category").attr("aria-invalid")).isEmpty();

        assertThat(page.selectFirst("select#category option[selected]").val()).isEqualTo("gata-och-trafik");
        assertThat(page.getElementById("name").val()).isEqualTo("Karin Berg");
        assertThat(page.getElementById("email").val()).isEqualTo("karin@example.se");
        assertThat(page.getElementById("phone").val()).isEqualTo("070-123 45 67");
        assertThat(page.selectFirst("input[name=idempotencyKey]").val()).isEqualTo(form.idempotencyKey());

        assertThat(topic.size()).isEqualTo(before);
        assertThat(mongo.findById("web-form:" + form.idempotencyKey(), IdempotencyRecord.class)).isNull();
    }

    @Test
    void aSynpunktFormPostWithoutACsrfTokenIsRefusedWith403AndChangesNothing() throws Exception {
        SynpunktFormPost form = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);
        long before = topic.size();

        mvc.perform(submit(form.set("_csrf", "forged"))).andExpect(status().isForbidden());
        mvc.perform(submit(form.withoutCsrf())).andExpect(status().isForbidden());

        assertThat(topic.size()).isEqualTo(before);
        assertThat(mongo.findById("web-form:" + form.idempotencyKey(), IdempotencyRecord.class)).isNull();
    }

    @Test
    void theFormsCsrfTokenIsAcceptedWithItsOwnHttpOnlyCookieAndRefusedWithAnotherVisitors() throws Exception {
        var shown = mvc.perform(get("/synpunkt")).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "sv-SE"))
                .andReturn().getResponse();
        Cookie csrfCookie = SynpunktFormPost.csrfCookie(shown);
        assertThat(csrfCookie.isHttpOnly()).isTrue();
        Document form = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8));
        SynpunktFormPost filledIn = SynpunktFormPost.complaint()
                .set("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val())
                .set("_csrf", form.selectFirst("input[name=_csrf]").val());

        mvc.perform(filledIn.request().cookie(csrfCookie)).andExpect(status().isOk());
        Cookie anotherVisitorsCookie = SynpunktFormPost.csrfCookie(mvc.perform(get("/synpunkt")).andReturn().getResponse());
        mvc.perform(filledIn.set("idempotencyKey", UUID.randomUUID().toString()).request()
                .cookie(anotherVisitorsCookie)).andExpect(status().isForbidden());
    }

    @Test
    void aRefusedFormPostIsExplainedToTheBrowserInSwedish() throws Exception {
        Document page = page(mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/synpunkt"))
                .andExpect(status().isForbidden()));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.select("h1").eachText()).containsExactly("Formuläret kunde inte skickas");
        assertThat(page.selectFirst("main").text()).contains("inte tagits emot");
    }

    private static MockHttpServletRequestBuilder submit(SynpunktFormPost form) {
        return form.request();
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String trackingCodeOn(ResultActions result) throws Exception {
        return page(result).selectFirst("code#tracking-code").text();
    }

    private static String describedBy(Document page, String id) {
        StringBuilder text = new StringBuilder();
        for (String describing : page.getElementById(id).attr("aria-describedby").split(" ")) {
            text.append(page.getElementById(describing).text()).append(' ');
        }
        return text.toString();
    }

    private List<ConsumerRecord<String, String>> recordsWithTrackingCode(String trackingCode) {
        return topic.records().stream()
                // the topic carries every kind of intake event; some (e.g. a moderation decision) have no tracking code
                .filter(record -> {
                    var code = jsonMapper.readTree(record.value()).get("trackingCode");
                    return code != null && trackingCode.equals(code.asString());
                })
                .toList();
    }
}
