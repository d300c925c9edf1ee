package se.medborgardialog.intake.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/** The staff page GET/POST /avvikelse: behind a login, Swedish, accessible, posting like the API. */
class AvvikelsePageIntegrationTests extends IntakeIntegrationTestContext {

    @Test
    void thePageRendersInSwedishForALoggedInReporterWithTheirUnitAndAProtectedPersonFieldset() throws Exception {
        Document page = page(mvc.perform(get("/avvikelse").with(httpBasic("sara", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andReturn().getResponse());

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Rapportera en avvikelse");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("select#law option")).hasSize(5);
        assertThat(page.select("select#legalFlow option")).hasSize(5);
        assertThat(page.selectFirst("select#unit option[selected]").val()).isEqualTo("omsorg");
        assertThat(page.select("input[type=datetime-local]")).hasSize(2);
        assertThat(page.selectFirst("fieldset legend:contains(Skyddade uppgifter)")).isNotNull();
        for (var control : page.select("#avvikelse-form input:not([type=hidden]), #avvikelse-form select, "
                + "#avvikelse-form textarea")) {
            assertThat(page.select("label[for=" + control.id() + "]")).as("label for " + control.id()).hasSize(1);
        }
    }

    @Test
    void thePageNeedsALogin() throws Exception {
        mvc.perform(get("/avvikelse"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Basic")));
    }

    @Test
    void postingTheFormPublishesTheAvvikelseAndShowsTheReceipt() throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/avvikelse").with(httpBasic("sara", "utveckling")))
                .andReturn().getResponse();
        Document form = page(shown);
        MockHttpServletRequestBuilder post = formPost(form, shown)
                .param("law", "LSS")
                .param("unit", "omsorg")
                .param("whatHappened", "Boendet saknade personal under natten " + UUID.randomUUID())
                .param("occurredAt", "2026-11-22T23:00")
                .param("noticedAt", "2026-11-23T07:15")
                .param("immediateMeasures", "Bemanningen förstärktes.")
                .param("personName", "")
                .param("personnummer", "");

        Document receipt = page(mvc.perform(post.with(httpBasic("sara", "utveckling")))
                .andExpect(status().isOk()).andReturn().getResponse());

        assertThat(receipt.selectFirst("h1").text()).isEqualTo("Avvikelsen är rapporterad");
        assertThat(receipt.getElementById("legal-flow").text()).isEqualTo("Lex Sarah");
        assertThat(receipt.getElementById("next-steps").text()).startsWith("Lex Sarah: utredning inleds utan dröjsmål");
        String trackingCode = receipt.getElementById("tracking-code").text();
        assertThat(topic.records()).anySatisfy(record -> {
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(EventTypes.AVVIKELSE_REPORTED);
            assertThat(record.value()).contains(trackingCode);
        });
    }

    @Test
    void anInvalidPersonnummerShowsTheFormAgainWithTheErrorLinkedToTheField() throws Exception {
        MockHttpServletResponse shown = mvc.perform(get("/avvikelse").with(httpBasic("sara", "utveckling")))
                .andReturn().getResponse();
        MockHttpServletRequestBuilder post = formPost(page(shown), shown)
                .param("law", "SOL")
                .param("unit", "omsorg")
                .param("whatHappened", "Fel personnummer " + UUID.randomUUID())
                .param("occurredAt", "2026-11-22T23:00")
                .param("noticedAt", "2026-11-23T07:15")
                .param("immediateMeasures", "Åtgärd.")
                .param("personnummer", "19121212-1213");

        Document page = page(mvc.perform(post.with(httpBasic("sara", "utveckling")))
                .andExpect(status().isBadRequest()).andReturn().getResponse());

        assertThat(page.selectFirst(".error-summary a").attr("href")).isEqualTo("#personnummer");
        assertThat(page.getElementById("personnummer").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("personnummer").attr("aria-describedby")).contains("personnummer-error");
        assertThat(page.getElementById("personnummer-error").text()).contains("kontrollsiffran");
    }

    private static MockHttpServletRequestBuilder formPost(Document form, MockHttpServletResponse shown) {
        return post("/avvikelse").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(csrfCookie(shown))
                .param("_csrf", form.selectFirst("input[name=_csrf]").val())
                .param("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val());
    }

    private static Cookie csrfCookie(MockHttpServletResponse response) {
        String setCookie = response.getHeaders(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        HttpCookie parsed = HttpCookie.parse(setCookie).get(0);
        return new Cookie(parsed.getName(), parsed.getValue());
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
