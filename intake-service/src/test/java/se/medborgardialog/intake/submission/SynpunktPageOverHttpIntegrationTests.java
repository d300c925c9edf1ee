package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.testing.IntakeServerIntegrationTestContext;
import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.intake.testing.SubmissionsTopic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.medborgardialog.intake.attachments.TestFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen pages through a real Tomcat and a plain HTTP client, as a browser without JavaScript uses them:
 * the CSRF cookie arrives with the form, Swedish letters survive the form encoding, and a post without the
 * token gets the Swedish 403 page from Boot's error handling. (The same server the browser tests use.)
 */
class SynpunktPageOverHttpIntegrationTests extends IntakeServerIntegrationTestContext {

    @Autowired
    JsonMapper jsonMapper;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCitizenFillsInTheFormAndGetsTheReceiptWithTheirWordsOnTheTopicUnchanged() throws Exception {
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(uri("/synpunkt")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(shown.statusCode()).isEqualTo(200);
        String cookie = shown.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        Document form = Jsoup.parse(shown.body());
        String text = "Gungan på lekplatsen vid Åvägen är trasig – kedjan har gått av. Ärligt talat farligt!";

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
        fields.put("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val());
        fields.put("kind", "förslag");
        fields.put("category", "park-och-natur");
        fields.put("text", text);
        fields.put("email", "åsa@example.se");
        HttpResponse<String> receipt = http.send(post(fields).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(receipt.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(receipt.body());
        assertThat(page.select("h1").eachText()).containsExactly("Tack för din synpunkt");
        String trackingCode = page.selectFirst("code#tracking-code").text();
        var events = new SubmissionsTopic(broker.getBrokersAsString()).records().stream()
                .map(record -> jsonMapper.readTree(record.value()))
                .filter(event -> event.hasNonNull("trackingCode")
                        && trackingCode.equals(event.get("trackingCode").asString()))
                .toList();
        assertThat(events).hasSize(1);
        assertThat(SealedEvents.unsealed(jsonMapper.writeValueAsString(events.get(0))).get("text").asString())
                .isEqualTo(text);
        assertThat(events.get(0).get("kind").asString()).isEqualTo("FORSLAG");
    }

    @Test
    void theFormWithAFileIsReadFromARealMultipartBodyTokenIncludedAndTheReceiptListsTheFile() throws Exception {
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(uri("/synpunkt")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String cookie = shown.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        Document form = Jsoup.parse(shown.body());
        String boundary = "----formgrans" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
        fields.put("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val());
        fields.put("kind", "klagomål");
        fields.put("category", "gata-och-trafik");
        fields.put("text", "Hålet i gatan vid Åvägen, se fotot.");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; "
                + "filename=\"hål.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestFiles.png(0x999999));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(uri("/synpunkt"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(receipt.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(receipt.body());
        assertThat(page.select("h1").eachText()).containsExactly("Tack för din synpunkt");
        assertThat(page.select("ul#attachments li").eachText()).containsExactly("hål.png");
    }

    @Test
    void aPostWithoutTheTokenGetsTheSwedishRefusalPage() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "klagomål");
        fields.put("category", "ovrigt");
        fields.put("text", "Förfalskad begäran");

        HttpResponse<String> refused = http.send(post(fields).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.select("h1").eachText()).containsExactly("Formuläret kunde inte skickas");
    }

    private HttpRequest.Builder post(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri("/synpunkt"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(url(path));
    }
}
