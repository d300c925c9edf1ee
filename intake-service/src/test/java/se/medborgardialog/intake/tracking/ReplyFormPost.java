package se.medborgardialog.intake.tracking;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The reply form as a browser posts it: with the CSRF cookie and token and the form's own token of the status
 * page; where the page has no reply form (a post from a page kept open), with those of the synpunkt form.
 */
final class ReplyFormPost {
    private final String code;
    private final Cookie csrfCookie;
    private final String csrfToken;
    private final String formToken;
    private String text;

    private ReplyFormPost(String code, Cookie csrfCookie, String csrfToken, String formToken) {
        this.code = code;
        this.csrfCookie = csrfCookie;
        this.csrfToken = csrfToken;
        this.formToken = formToken;
    }

    static ReplyFormPost to(MockMvc mvc, String code) throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/status").param("kod", code)).andReturn().getResponse();
        Element form = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8)).getElementById("reply-form");
        if (form == null) {
            shown = mvc.perform(get("/synpunkt")).andReturn().getResponse();
            form = Jsoup.parse(shown.getContentAsString(StandardCharsets.UTF_8)).getElementById("synpunkt-form");
        }
        HttpCookie cookie = HttpCookie.parse(shown.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()).get(0);
        return new ReplyFormPost(code, new Cookie(cookie.getName(), cookie.getValue()),
                form.selectFirst("input[name=_csrf]").val(), form.selectFirst("input[name=idempotencyKey]").val());
    }

    String formToken() {
        return formToken;
    }

    ReplyFormPost text(String typed) {
        this.text = typed;
        return this;
    }

    MockHttpServletRequestBuilder request() {
        return post("/status/svar")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .cookie(csrfCookie)
                .formField("_csrf", csrfToken)
                .formField("kod", code)
                .formField("idempotencyKey", formToken)
                .formField("text", text);
    }
}
