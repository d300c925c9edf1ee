package se.medborgardialog.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

/** The staff pages without an OIDC provider (the local stack): the browser's HTTP Basic, no session to log out of. */
class StaffPagesLoginIntegrationTests extends IntakeIntegrationTestContext {

    @Test
    void theLoginPagePointsToThePagesWhoseBrowserLoginAsksForThePassword() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/logga-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.selectFirst("h1").text()).isEqualTo("Logga in");
        assertThat(page.select("a[href^=/oauth2/]")).isEmpty();
        assertThat(page.selectFirst("#webblasarens-inloggning")).isNotNull();
        assertThat(page.select("#personalsidor a").eachAttr("href"))
                .containsExactly("/avvikelse", "/moderering/e-forslag");
    }

    @Test
    void aDevelopmentUserHasNoLogoutButtonBecauseTheBrowserKeepsTheirPassword() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/avvikelse").with(httpBasic("sara", "utveckling")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.selectFirst("h1").text()).isEqualTo("Rapportera en avvikelse");
        assertThat(page.selectFirst("form#logga-ut")).isNull();
    }
}
