package se.medborgardialog.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The browser's side of a service's OIDC page login, over MockMvc, against {@link TestTokens} configured with
 * {@link TestTokens#configureLogin}: the service sends the browser to the provider ({@link #toProvider}), the test
 * plays the provider's login page ({@link TestTokens#authorizationCode}) and brings the browser back with the code
 * ({@link #back}).
 */
public final class OidcBrowser {

    public static final String START = "/oauth2/authorization/keycloak";
    public static final String CALLBACK = "/login/oauth2/code/keycloak";

    private final MockMvc mvc;
    private final TestTokens tokens;
    private final String clientId;

    public OidcBrowser(MockMvc mvc, TestTokens tokens, String clientId) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.clientId = clientId;
    }

    /** Where the service sent the browser: the provider's authorization request, and the browser's session. */
    public record ToProvider(URI uri, Map<String, String> parameters, MockHttpSession session) {

        public String state() {
            return parameters.get("state");
        }

        public String nonce() {
            return parameters.get("nonce");
        }
    }

    /** The login's first step, in a new session or the given one. */
    public ToProvider toProvider(MockHttpSession session) throws Exception {
        MvcResult redirect = mvc.perform(session == null ? get(START) : get(START).session(session)).andReturn();
        URI uri = URI.create(redirect.getResponse().getRedirectedUrl());
        return new ToProvider(uri, query(uri), (MockHttpSession) redirect.getRequest().getSession());
    }

    /** The browser back from the provider with this code and state, in the session of the request. */
    public MvcResult back(ToProvider request, String code, String state) throws Exception {
        return mvc.perform(get(CALLBACK).param("code", code).param("state", state).session(request.session()))
                .andReturn();
    }

    /** The whole login of this user with these realm roles and units; the result's session is the signed-in one. */
    public MvcResult signIn(String user, List<String> roles, List<String> units) throws Exception {
        ToProvider request = toProvider(null);
        return back(request, tokens.authorizationCode(clientId, request.nonce(), user, roles, units), request.state());
    }

    public static MockHttpSession sessionOf(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession();
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
