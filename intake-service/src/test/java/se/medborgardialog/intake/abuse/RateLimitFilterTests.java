package se.medborgardialog.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import se.medborgardialog.intake.abuse.RateLimitProperties.Limit;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimitProperties(true, new Limit(3, Duration.ofMinutes(1)), new Limit(5, Duration.ofMinutes(1)),
                    List.of("10.0.0.7")),
            clock,
            // Only API paths here: the HTML page needs the template engine (AbuseIntegrationTests renders it).
            new Refusals(null, JsonMapper.builder().build(), new SynpunktPageProperties("Exempelkommun"), meters));

    @AfterEach
    void forgetLogin() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesTheSubmissionBeyondTheCapacityWith429AndRetryAfterAsProblemJson() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("192.0.2.1").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = post("192.0.2.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("Vänta 20 sekunder");
        assertThat(meters.get(Refusals.METRIC).tag("reason", "rate-limit-submissions").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aRefusedRequestNeverReachesTheEndpoint() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("192.0.2.2");
        }
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request("POST", "/api/v1/synpunkter", "192.0.2.2"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("the request passed on down the chain").isNull();
    }

    @Test
    void eachClientHasItsOwnBucket() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("192.0.2.3");
        }

        assertThat(post("192.0.2.3").getStatus()).isEqualTo(429);
        assertThat(post("192.0.2.4").getStatus()).isEqualTo(200);
    }

    @Test
    void lookupsAndSubmissionsAreCountedApart() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("192.0.2.5");
        }

        assertThat(get("/api/v1/status/7KQF-3M9X-WD2P-8HNA", "192.0.2.5").getStatus()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            get("/status", "192.0.2.5");
        }
        assertThat(get("/status", "192.0.2.5").getStatus()).isEqualTo(429);
        assertThat(meters.get(Refusals.METRIC).tag("reason", "rate-limit-lookups").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theBucketRefillsEvenlyOverItsPeriod() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("192.0.2.6");
        }
        assertThat(post("192.0.2.6").getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(20));

        assertThat(post("192.0.2.6").getStatus()).isEqualTo(200);
        assertThat(post("192.0.2.6").getStatus()).isEqualTo(429);
    }

    @Test
    void unlimitedAddressesAndLoggedInStaffAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("10.0.0.7").getStatus()).isEqualTo(200);
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "rolf", null, AuthorityUtils.createAuthorityList("ROLE_REGISTRATOR")));
        for (int i = 0; i < 10; i++) {
            assertThat(post("192.0.2.7").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void assetsHealthAndPreflightsAreNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/css/medborgardialog.css", "192.0.2.8").getStatus()).isEqualTo(200);
            assertThat(get("/actuator/health", "192.0.2.8").getStatus()).isEqualTo(200);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request("OPTIONS", "/api/v1/synpunkter", "192.0.2.8"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void open311ClientsGetTheGeoReportErrorFormatInTheRepresentationTheyAskedFor() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(request("POST", "/open311/v2/requests.json", "192.0.2.9"));
        }

        MockHttpServletResponse json = send(request("POST", "/open311/v2/requests.json", "192.0.2.9"));
        MockHttpServletResponse xml = send(request("POST", "/open311/v2/requests.xml", "192.0.2.9"));

        assertThat(json.getStatus()).isEqualTo(429);
        assertThat(json.getContentAsString()).startsWith("[{\"code\":429,\"description\":\"");
        assertThat(xml.getStatus()).isEqualTo(429);
        assertThat(xml.getContentAsString()).contains("<errors><error><code>429</code><description>");
        assertThat(xml.getHeader("Retry-After")).isNotBlank();
    }

    private MockHttpServletResponse post(String client) throws Exception {
        return send(request("POST", "/api/v1/synpunkter", client));
    }

    private MockHttpServletResponse get(String path, String client) throws Exception {
        return send(request("GET", path, client));
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, String client) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(client);
        request.addHeader("Accept", "application/json");
        return request;
    }
}
