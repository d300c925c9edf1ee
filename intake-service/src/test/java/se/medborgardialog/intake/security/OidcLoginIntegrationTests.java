package se.medborgardialog.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import se.medborgardialog.intake.testing.IntakeOidcIntegrationTestContext;
import se.medborgardialog.testsupport.OidcBrowser;
import se.medborgardialog.testsupport.TestTokens;

/**
 * The staff pages as production runs them: staff sign in with the OIDC provider (authorization code with PKCE) into a
 * session. The test plays the browser and the provider's login page; the code is exchanged at a token endpoint of the
 * test's own for a really signed ID token, which the service verifies with the provider's key set and reads like the
 * API's bearer tokens.
 */
class OidcLoginIntegrationTests extends IntakeOidcIntegrationTestContext {

    private OidcBrowser browser;

    @BeforeEach
    void browser() {
        browser = new OidcBrowser(mvc, tokens, CLIENT);
    }

    @Test
    void aModeratorSignsInWithTheProviderAndComesBackToTheModerationPage() throws Exception {
        MvcResult page = mvc.perform(get("/moderering/e-forslag")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/logga-in");
        MockHttpSession session = OidcBrowser.sessionOf(page);
        Document login = html(mvc.perform(get("/logga-in").session(session)).andExpect(status().isOk()).andReturn());
        assertThat(login.selectFirst("a#oidc-keycloak").attr("href")).isEqualTo(OidcBrowser.START);
        assertThat(login.selectFirst("a#oidc-keycloak").text()).isEqualTo("Logga in med kommunens inloggning");

        OidcBrowser.ToProvider request = browser.toProvider(session);
        assertThat(request.uri().toString()).startsWith(TestTokens.ISSUER + "/protocol/openid-connect/auth?");
        assertThat(request.parameters()).containsEntry("client_id", CLIENT).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        assertThat(request.parameters().get("redirect_uri")).endsWith(OidcBrowser.CALLBACK);

        String code = tokens.authorizationCode(CLIENT, request.nonce(), "mira", List.of("moderator"), List.of());
        MvcResult back = browser.back(request, code, request.state());
        assertThat(back.getResponse().getRedirectedUrl()).contains("/moderering/e-forslag");

        MockHttpSession signedIn = OidcBrowser.sessionOf(back);
        Document moderation = html(mvc.perform(get("/moderering/e-forslag").session(signedIn))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andReturn());
        assertThat(moderation.selectFirst("h1").text()).isEqualTo("Granska e-förslag");
        assertThat(moderation.selectFirst("form#logga-ut").text()).contains("mira", "Logga ut");
        // the API stays token-only: the pages' session is no way in
        mvc.perform(get("/api/v1/e-forslag/moderering").session(signedIn)).andExpect(status().isUnauthorized());
    }

    @Test
    void theSessionsFormPostsNeedItsCsrfToken() throws Exception {
        MockHttpSession mira = signIn("mira", List.of("moderator"), List.of());
        String unknown = "/moderering/e-forslag/" + UUID.randomUUID() + "/publicera";

        mvc.perform(post(unknown).session(mira)).andExpect(status().isForbidden());
        // past the login and the CSRF check: the proposal itself is unknown
        mvc.perform(post(unknown).session(mira).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aReporterSignedInWithTheProviderReportsForTheUnitOfTheIdTokenButIsRefusedModeration() throws Exception {
        MockHttpSession tove = signIn("tove", List.of("reporter"), List.of("/enheter/omsorg"));

        mvc.perform(get("/moderering/e-forslag").session(tove)).andExpect(status().isForbidden());
        Document form = html(mvc.perform(get("/avvikelse").session(tove)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("select#unit option").eachAttr("value")).containsExactly("", "omsorg");
        assertThat(form.selectFirst("select#unit option[selected]").val()).isEqualTo("omsorg");
        Document links = html(mvc.perform(get("/logga-in").session(tove)).andExpect(status().isOk()).andReturn());
        assertThat(links.select("#personalsidor a").eachAttr("href")).containsExactly("/avvikelse");
    }

    @Test
    void aCodeTheProviderDoesNotKnowOrAForgedStateSignsNobodyIn() throws Exception {
        OidcBrowser.ToProvider request = browser.toProvider(null);

        MvcResult unknownCode = browser.back(request, "made-up", request.state());
        assertThat(unknownCode.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
        mvc.perform(get("/moderering/e-forslag").session(request.session())).andExpect(status().is3xxRedirection());

        String code = tokens.authorizationCode(CLIENT, request.nonce(), "mira", List.of("moderator"), List.of());
        MvcResult forgedState = browser.back(request, code, "forged");
        assertThat(forgedState.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
        mvc.perform(get("/moderering/e-forslag").session(request.session())).andExpect(status().is3xxRedirection());
        Document failed = html(mvc.perform(get("/logga-in").param("fel", "")).andReturn());
        assertThat(failed.selectFirst("#inloggning-misslyckades h2").text()).isEqualTo("Inloggningen misslyckades");
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        MockHttpSession mira = signIn("mira", List.of("moderator"), List.of());
        mvc.perform(get("/moderering/e-forslag").session(mira)).andExpect(status().isOk());

        MvcResult out = mvc.perform(post("/logga-ut").session(mira).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(out.getResponse().getRedirectedUrl()).endsWith("/logga-in?utloggad");
        mvc.perform(get("/moderering/e-forslag").session(mira)).andExpect(status().is3xxRedirection());
    }

    @Test
    void thereIsNoPasswordLoginBesideTheProvider() throws Exception {
        MvcResult basic = mvc.perform(get("/moderering/e-forslag").with(httpBasic("mona", "utveckling")))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(basic.getResponse().getRedirectedUrl()).endsWith("/logga-in");
    }

    /** Signed in without a page to return to: the login lands on the login page, which lists the user's pages. */
    private MockHttpSession signIn(String user, List<String> roles, List<String> units) throws Exception {
        MvcResult back = browser.signIn(user, roles, units);
        assertThat(back.getResponse().getRedirectedUrl()).endsWith("/logga-in");
        return OidcBrowser.sessionOf(back);
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
