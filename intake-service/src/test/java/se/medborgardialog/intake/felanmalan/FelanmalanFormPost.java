package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The felanmälan form as a browser posts it, after fetching the page for its CSRF cookie, token and idempotency
 * key (as submission/SynpunktFormPost does for the synpunkt form).
 */
final class FelanmalanFormPost {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private Cookie csrfCookie;

    /** A street light out at a random spot in Sweden, typed with Swedish decimal commas. */
    static FelanmalanFormPost streetLightOut() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        FelanmalanFormPost form = new FelanmalanFormPost();
        form.fields.put("category", "gatubelysning");
        form.fields.put("description", "Lyktan vid busshållplatsen är släckt.");
        form.fields.put("address", "Busshållplatsen Torget");
        form.at(random.nextDouble(56.0, 68.0), random.nextDouble(12.0, 23.0));
        form.fields.put("name", "");
        form.fields.put("email", "olle@example.se");
        form.fields.put("phone", "");
        return form;
    }

    FelanmalanFormPost at(double latitude, double longitude) {
        fields.put("latitude", String.format(Locale.forLanguageTag("sv-SE"), "%.6f", latitude));
        fields.put("longitude", String.format(Locale.forLanguageTag("sv-SE"), "%.6f", longitude));
        return this;
    }

    FelanmalanFormPost set(String field, String value) {
        fields.put(field, value);
        return this;
    }

    double latitude() {
        return FelanmalanForm.degrees(fields.get("latitude"));
    }

    double longitude() {
        return FelanmalanForm.degrees(fields.get("longitude"));
    }

    FelanmalanFormPost fromTheFormShownBy(MockMvc mvc) throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/felanmalan")).andReturn().getResponse();
        Document page = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8));
        String setCookie = shown.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElse(null);
        assertThat(setCookie).as("Set-Cookie XSRF-TOKEN").isNotNull();
        HttpCookie parsed = HttpCookie.parse(setCookie).get(0);
        csrfCookie = new Cookie(parsed.getName(), parsed.getValue());
        return set("_csrf", page.selectFirst("input[type=hidden][name=_csrf]").val())
                .set("idempotencyKey", page.selectFirst("input[type=hidden][name=idempotencyKey]").val());
    }

    MockHttpServletRequestBuilder request() {
        MockHttpServletRequestBuilder request = post("/felanmalan")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML);
        fields.forEach(request::formField);
        return csrfCookie == null ? request : request.cookie(csrfCookie);
    }
}
