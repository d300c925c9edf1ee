package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.OidcBrowser;
import se.medborgardialog.testsupport.TestTokens;

/**
 * The officers' pages as production runs them: staff sign in with the OIDC provider (authorization code with PKCE).
 * The test plays the browser and the provider's login page; the code is exchanged at a token endpoint of the test's
 * own for a really signed ID token, which the service verifies with the provider's key set and reads like the API's
 * bearer tokens.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
class OidcLoginIntegrationTests {

    private static final String CLIENT = "medborgardialog-staff";
    private static final TestTokens tokens = TestTokens.create();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-oidc-login-it"));
        tokens.configure(registry);
        tokens.configureLogin(registry, CLIENT);
    }

    @Autowired
    MockMvc mvc;

    private OidcBrowser browser() {
        return new OidcBrowser(mvc, tokens, CLIENT);
    }

    @Test
    void anOfficerSignsInWithTheProviderAndWorksTheQueueUnderTheNameAndUnitsOfTheIdToken() throws Exception {
        mvc.perform(get("/arenden")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/logga-in"));
        String loginPage = mvc.perform(get("/logga-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(loginPage).contains("href=\"/oauth2/authorization/keycloak\"", "Logga in med kommunens inloggning")
                .doesNotContain("name=\"password\"");

        OidcBrowser.ToProvider toProvider = browser().toProvider(null);
        Map<String, String> request = toProvider.parameters();
        assertThat(toProvider.uri().toString()).startsWith(TestTokens.ISSUER + "/protocol/openid-connect/auth?");
        assertThat(request).containsEntry("client_id", CLIENT).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        assertThat(request.get("scope")).contains("openid");
        assertThat(request.get("redirect_uri")).endsWith("/login/oauth2/code/keycloak");

        String code = tokens.authorizationCode(CLIENT, request.get("nonce"), "anna", List.of("officer"),
                List.of("/enheter/stadsmiljo"));
        MvcResult back = browser().back(toProvider, code, toProvider.state());
        assertThat(back.getResponse().getRedirectedUrl()).endsWith("/arenden");

        MockHttpSession signedIn = OidcBrowser.sessionOf(back);
        String queue = mvc.perform(get("/arenden").session(signedIn)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(queue).contains("anna");
        // the API stays token-only: the pages' session is no way in
        mvc.perform(get("/api/v1/queue").session(signedIn)).andExpect(status().isUnauthorized());
    }

    @Test
    void aCodeTheProviderDoesNotKnowOrAForgedStateSignsNobodyIn() throws Exception {
        OidcBrowser.ToProvider toProvider = browser().toProvider(null);
        MockHttpSession session = toProvider.session();

        MvcResult unknownCode = browser().back(toProvider, "made-up", toProvider.state());
        assertThat(unknownCode.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
        mvc.perform(get("/arenden").session(session)).andExpect(status().is3xxRedirection());

        String code = tokens.authorizationCode(CLIENT, toProvider.nonce(), "anna", List.of("officer"),
                List.of("stadsmiljo"));
        MvcResult forgedState = browser().back(toProvider, code, "forged");
        assertThat(forgedState.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
    }

    @Test
    void aStatisticianSignedInWithTheProviderIsRefusedTheQueue() throws Exception {
        MvcResult signedIn = browser().signIn("stina", List.of("statistician"), List.of());
        assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/arenden");
        MockHttpSession stina = OidcBrowser.sessionOf(signedIn);

        mvc.perform(get("/arenden").session(stina)).andExpect(status().isForbidden());
    }

    @Test
    void thereIsNoPasswordLoginBesideTheProvider() throws Exception {
        mvc.perform(post("/logga-in").param("username", "anna").param("password", "utveckling")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/arenden"));
        mvc.perform(get("/arenden").with(request -> {
            request.addHeader("Authorization", "Basic YW5uYTp1dHZlY2tsaW5n"); // anna:utveckling
            return request;
        })).andExpect(status().is3xxRedirection());
    }
}
