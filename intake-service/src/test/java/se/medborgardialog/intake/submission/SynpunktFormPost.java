package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A filled-in form as a browser posts it; start from a typical complaint and change what the test is about.
 * {@link #fromTheFormShownBy} does what a browser does: fetches the form page and sends back its CSRF cookie,
 * the token the page carries and its idempotency key. (spring-security-test's {@code csrf()} would do too, but it
 * swaps the filter's cookie token repository for a session one in the cached context, for every later test.)
 */
final class SynpunktFormPost {

    static final String TEXT = "Gatlyktan utanför Storgatan 12 har varit släckt i en vecka.";

    private final Map<String, String> fields = new LinkedHashMap<>();
    private Cookie csrfCookie;

    static SynpunktFormPost complaint() {
        SynpunktFormPost form = new SynpunktFormPost();
        form.fields.put("kind", "klagomål");
        form.fields.put("category", "gata-och-trafik");
        form.fields.put("text", TEXT);
        form.fields.put("name", "Karin Berg");
        form.fields.put("email", "karin@example.se");
        form.fields.put("phone", "070-123 45 67");
        form.fields.put("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }

    SynpunktFormPost set(String field, String value) {
        fields.put(field, value);
        return this;
    }

    SynpunktFormPost anonymous() {
        return set("name", "").set("email", "").set("phone", "");
    }

    /** These answers, typed into a freshly shown form: with its CSRF cookie and token and its idempotency key. */
    SynpunktFormPost fromTheFormShownBy(MockMvc mvc) throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/synpunkt")).andReturn().getResponse();
        Document page = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8));
        csrfCookie = csrfCookie(shown);
        return set("_csrf", page.selectFirst("input[type=hidden][name=_csrf]").val())
                .set("idempotencyKey", page.selectFirst("input[type=hidden][name=idempotencyKey]").val());
    }

    /** Just the fields, as a forged cross-site post would send them: no CSRF cookie and no token. */
    SynpunktFormPost withoutCsrf() {
        fields.remove("_csrf");
        csrfCookie = null;
        return this;
    }

    String idempotencyKey() {
        return fields.get("idempotencyKey");
    }

    MockHttpServletRequestBuilder request() {
        MockHttpServletRequestBuilder request = post("/synpunkt")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML);
        fields.forEach(request::formField);
        return csrfCookie == null ? request : request.cookie(csrfCookie);
    }

    /** The form as the page sends it since it has a file input: multipart, with these files as attachments. */
    MockMultipartHttpServletRequestBuilder multipartRequest(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/synpunkt");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.accept(MediaType.TEXT_HTML);
        fields.forEach(request::param);
        if (csrfCookie != null) {
            request.cookie(csrfCookie);
        }
        return request;
    }

    /** The token cookie as a browser keeps it from the Set-Cookie header. */
    static Cookie csrfCookie(MockHttpServletResponse response) {
        String setCookie = response.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElse(null);
        assertThat(setCookie).as("Set-Cookie XSRF-TOKEN").isNotNull();
        HttpCookie parsed = HttpCookie.parse(setCookie).get(0);
        Cookie cookie = new Cookie(parsed.getName(), parsed.getValue());
        cookie.setHttpOnly(parsed.isHttpOnly());
        return cookie;
    }
}
