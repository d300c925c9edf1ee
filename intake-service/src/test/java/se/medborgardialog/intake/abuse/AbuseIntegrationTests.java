package se.medborgardialog.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/**
 * The limits as configured in application.yml (20 submissions a minute per client), in the shared context whose
 * clock stands still, so a bucket never refills here: each test uses client addresses of its own.
 */
class AbuseIntegrationTests extends IntakeIntegrationTestContext {

    private static final String VALID_SYNPUNKT = """
            {"kind":"fråga","category":"ovrigt","text":"När öppnar biblioteket?"}""";

    @Test
    void aCitizenBeyondTwentySubmissionsAMinuteGets429WithRetryAfterAndNothingIsPublished() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send(apiPost("{}"), from("198.51.100.1")).getStatus()).isEqualTo(400);
        }
        long before = topic.size();

        MockHttpServletResponse refused = send(apiPost(VALID_SYNPUNKT), from("198.51.100.1"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("För många förfrågningar");
        assertThat(send(apiPost(VALID_SYNPUNKT), from("198.51.100.2")).getStatus())
                .as("another client").isEqualTo(202);
        assertThat(topic.size()).isEqualTo(before + 1);
    }

    @Test
    void loggedInStaffRegisteringLettersAreNotLimited() throws Exception {
        for (int i = 0; i < 25; i++) {
            assertThat(send(apiPost("{}").with(httpBasic("rolf", "utveckling")), from("198.51.100.4")).getStatus())
                    .isEqualTo(400);
        }
    }

    @Test
    void everyFormCarriesABotTrapThatPeopleNeitherSeeNorReach() throws Exception {
        for (MockHttpServletRequestBuilder form : new MockHttpServletRequestBuilder[] {
                get("/synpunkt"), get("/felanmalan"), get("/e-forslag/nytt"),
                get("/avvikelse").with(httpBasic("sara", "utveckling"))}) {
            Document page = Jsoup.parse(mvc.perform(form.accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));

            Element trap = page.selectFirst("form .bot-trap[aria-hidden=true] input[name=" + BotTrap.FIELD + "]");
            assertThat(trap).as("the trap in %s", page.title()).isNotNull();
            assertThat(trap.attr("tabindex")).isEqualTo("-1");
            assertThat(trap.val()).isEmpty();
            assertThat(page.selectFirst("label[for=" + trap.id() + "]").text()).isEqualTo("Lämna det här fältet tomt");
        }
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor client)
            throws Exception {
        return mvc.perform(request.with(client)).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder apiPost(String body) {
        return post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
