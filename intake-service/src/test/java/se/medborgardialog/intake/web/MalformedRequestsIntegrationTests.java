package se.medborgardialog.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The defects the fuzzing found (fuzz/PublicEndpointsFuzzIntegrationTests), each as one fixed request through a
 * real Tomcat: requests that cannot be read are the client's fault (4xx in the form of the part of the service
 * they were for), never a 500.
 */
class MalformedRequestsIntegrationTests extends IntakeServerIntegrationTestContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNCLOSED_MULTIPART = "--grans\r\nContent-Disposition: form-data; name=\"synpunkt\"\r\n"
            + "Content-Type: application/json\r\n\r\n{\"kind\":\"beröm\"}\r\n--gr";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anUnreadableMultipartBodyIsA400ProblemOnTheApiNotA500() throws Exception {
        HttpResponse<String> answer = post("/api/v1/synpunkter", "multipart/form-data; boundary=grans",
                UNCLOSED_MULTIPART.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asString()).isEqualTo("body");
    }

    @Test
    void anUnreadableMultipartFormPostIsASwedishPageNotA500() throws Exception {
        HttpResponse<String> answer = post("/synpunkt", "multipart/form-data; boundary=grans",
                UNCLOSED_MULTIPART.replace("synpunkt", "text").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.select("h1").eachText()).containsExactly("Ogiltig begäran");
    }

    @Test
    void aQueryThatIsNotUtf8IsA400InGeoReportsFormatNamingTheParameter() throws Exception {
        HttpResponse<String> json = get("/open311/v2/requests.json?status=%C0%BC");
        HttpResponse<String> xml = get("/open311/v2/requests.xml?start_date=%ED%A0%80");

        assertThat(json.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(json.body());
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).path("description").asString()).startsWith("status: ");
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("<code>400</code><description>start_date: ");
    }

    @Test
    void aControlCharacterInAnOpen311QueryIsRefusedInXmlNotAFailureOfTheXml() throws Exception {
        HttpResponse<String> xml = get("/open311/v2/requests.xml?status=%00%1B");

        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).startsWith("<?xml").contains("<code>400</code><description>status: ");
    }

    @Test
    void aPageWithAQueryThatIsNotUtf8IsShownAsIfTheQueryWereNotThere() throws Exception {
        HttpResponse<String> answer = get("/status?kod=%C0%BC");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(answer.body()).selectFirst("html").attr("lang")).isEqualTo("sv");
    }

    @Test
    void aFormPostThatIsNotUtf8GetsTheSwedishRefusalPageNotA500() throws Exception {
        HttpResponse<String> answer = post("/status/svar", "application/x-www-form-urlencoded",
                "kod=7KQF-3M9X-WD2P-8HNA&text=%C0%BC%FF".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.select("h1").eachText()).containsExactly("Formuläret kunde inte skickas");
    }

    @Test
    void anUnknownMethodOnTheApiIsAProblemForThePathAskedFor() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/synpunkter"))
                .method("FOO", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("instance").asString()).isEqualTo("/api/v1/synpunkter");
    }

    @Test
    void aWrongMethodOnAPageIsASwedishPageNotBootsJson() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/e-forslag"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(Jsoup.parse(answer.body()).select("h1").eachText()).containsExactly("Metoden stöds inte");
    }

    @Test
    void aReplyOfTenThousandCharactersBeyondAsciiFitsTheFormsLimit() throws Exception {
        // 10,000 '€' percent-encode to 90 KB: over the JSON limit (64 KiB) the form posts were held to before.
        String body = "kod=7KQF-3M9X-WD2P-8HNA&text=" + "%E2%82%AC".repeat(10_000);

        HttpResponse<String> answer = post("/status/svar", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.statusCode()).as("refused for its missing CSRF token, not its size").isEqualTo(403);
    }

    @Test
    void aFormPostOverItsLimitIsA413SwedishPage() throws Exception {
        HttpResponse<String> answer = post("/status/svar", "application/x-www-form-urlencoded",
                ("text=" + "a".repeat(300 * 1024)).getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(answer.body()).select("h1").eachText()).containsExactly("För stor begäran");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(url(path));
    }
}
