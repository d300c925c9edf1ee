package se.medborgardialog.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/** The bot trap and the rate limit (abuse/) on real form posts, with their CSRF token as a browser sends it. */
class SynpunktAbuseIntegrationTests extends IntakeIntegrationTestContext {

    @Test
    void aFormWithTheTrapFilledInIsRefusedWithAPageSayingWhyAndPublishesNothing() throws Exception {
        long before = topic.size();
        SynpunktFormPost robot = SynpunktFormPost.complaint().fromTheFormShownBy(mvc)
                .set("webbadress", "http://spam.example");

        MockHttpServletResponse refused = mvc.perform(robot.request()).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.selectFirst("h1").text()).isEqualTo("Formuläret togs inte emot");
        assertThat(page.selectFirst("main").text()).contains("Lämna det här fältet tomt");
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void aFormWithTheTrapLeftEmptyIsReceived() throws Exception {
        SynpunktFormPost person = SynpunktFormPost.complaint().fromTheFormShownBy(mvc).set("webbadress", "");

        MockHttpServletResponse receipt = mvc.perform(person.request()).andReturn().getResponse();

        assertThat(receipt.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(receipt.getContentAsString(StandardCharsets.UTF_8)).selectFirst("h1").text())
                .startsWith("Tack");
    }

    @Test
    void aBrowserBeyondTheLimitGetsASwedishPageSayingHowLongToWaitAndNothingIsPublished() throws Exception {
        SynpunktFormPost hurried = SynpunktFormPost.complaint().fromTheFormShownBy(mvc);
        for (int i = 0; i < 20; i++) {
            mvc.perform(hurried.set("text", "").request().with(from("198.51.100.3")));
        }
        long before = topic.size();

        MockHttpServletResponse refused = mvc.perform(hurried.set("text", SynpunktFormPost.TEXT).request()
                .with(from("198.51.100.3"))).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
        Document page = Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.title()).isEqualTo("För många förfrågningar – Exempelkommun");
        assertThat(page.selectFirst("main").text()).contains("Vänta 3 sekunder");
        assertThat(topic.size()).isEqualTo(before);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
