package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

    @Test
    void anOfficerSignsInWithTheProviderAndWorksTheQueueUnderTheNameAndUnitsOfTheIdToken() throws Exception {
        mvc.perform(get("/arenden")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/logga-in"));
        String loginPage = mvc.perform(get("/logga-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(loginPage).contains("href=\"/oauth2/authorization/keycloak\"", "Logga in med kommunens inloggning")
                .doesNotContain("name=\"password\"");

        MvcResult toProvider = mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().is3xxRedirection()).andReturn();
        URI authorization = URI.create(toProvider.getResponse().getRedirectedUrl());
        Map<String, String> request = query(authorization);
        assertThat(authorization.toString()).startsWith(TestTokens.ISSUER + "/protocol/openid-connect/auth?");
        assertThat(request).containsEntry("client_id", CLIENT).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        assertThat(request.get("scope")).contains("openid");
        assertThat(request.get("redirect_uri")).endsWith("/login/oauth2/code/keycloak");

        String code = tokens.authorizationCode(CLIENT, request.get("nonce"), "anna", List.of("officer"),
                List.of("/enheter/stadsmiljo"));
        MvcResult back = mvc.perform(get("/login/oauth2/code/keycloak").param("code", code)
                        .param("state", request.get("state"))
                        .session((MockHttpSession) toProvider.getRequest().getSession()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).endsWith("/arenden");

        MockHttpSession signedIn = (MockHttpSession) back.getRequest().getSession();
        String queue = mvc.perform(get("/arenden").session(signedIn)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(queue).contains("anna");
        // the API stays token-only: the pages' session is no way in
        mvc.perform(get("/api/v1/queue").session(signedIn)).andExpect(status().isUnauthorized());
    }

    @Test
    void aCodeTheProviderDoesNotKnowOrAForgedStateSignsNobodyIn() throws Exception {
        MvcResult toProvider = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn();
        Map<String, String> request = query(URI.create(toProvider.getResponse().getRedirectedUrl()));
        MockHttpSession session = (MockHttpSession) toProvider.getRequest().getSession();

        MvcResult unknownCode = mvc.perform(get("/login/oauth2/code/keycloak").param("code", "made-up")
                .param("state", request.get("state")).session(session)).andReturn();
        assertThat(unknownCode.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
        mvc.perform(get("/arenden").session(session)).andExpect(status().is3xxRedirection());

        String code = tokens.authorizationCode(CLIENT, request.get("nonce"), "anna", List.of("officer"),
                List.of("stadsmiljo"));
        MvcResult forgedState = mvc.perform(get("/login/oauth2/code/keycloak").param("code", code)
                .param("state", "forged").session(session)).andReturn();
        assertThat(forgedState.getResponse().getRedirectedUrl()).endsWith("/logga-in?fel");
    }

    @Test
    void aStatisticianSignedInWithTheProviderIsRefusedTheQueue() throws Exception {
        MockHttpSession stina = signIn("stina", List.of("statistician"), List.of());

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

    private MockHttpSession signIn(String user, List<String> roles, List<String> units) throws Exception {
        MvcResult toProvider = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn();
        Map<String, String> request = query(URI.create(toProvider.getResponse().getRedirectedUrl()));
        String code = tokens.authorizationCode(CLIENT, request.get("nonce"), user, roles, units);
        MvcResult back = mvc.perform(get("/login/oauth2/code/keycloak").param("code", code)
                .param("state", request.get("state"))
                .session((MockHttpSession) toProvider.getRequest().getSession())).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).endsWith("/arenden");
        return (MockHttpSession) back.getRequest().getSession();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
