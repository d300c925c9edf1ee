package se.medborgardialog.benchmark.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-förslag to sign, through the moderator flow the README shows: proposed by a citizen, published by {@code mona}. */
final class Proposals {

    private static final Pattern ID = Pattern.compile("\"proposalId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String MONA = "Basic " + Base64.getEncoder().encodeToString("mona:utveckling".getBytes(StandardCharsets.UTF_8));
    private static final String[] TITLES = {"Fler bänkar i Stadsparken", "Belysning längs cykelvägen till skolan",
        "Öppna biblioteket på söndagar", "Fler laddstolpar vid simhallen", "Utegym vid sjön"};

    private Proposals() {
    }

    static List<String> publish(URI intake, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"title\":\"" + TITLES[i % TITLES.length] + " " + System.currentTimeMillis() % 100000
                    + "\",\"text\":\"Det behövs, tycker många i kommunen.\",\"category\":\"park-och-natur\","
                    + "\"personnummer\":\"" + Mix.personnummer(8_000_000L + i) + "\",\"kommun\":\"0000\"}";
            HttpResponse<String> proposed = http.send(HttpRequest.newBuilder(intake.resolve("/api/v1/e-forslag"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(proposed.body());
            if (proposed.statusCode() != 202 || !m.find()) {
                throw new IllegalStateException("proposing an e-förslag gave " + proposed.statusCode() + ": " + proposed.body());
            }
            String id = m.group(1);
            HttpResponse<String> published = http.send(HttpRequest.newBuilder(intake.resolve("/api/v1/e-forslag/" + id + "/publicering"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", MONA)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (published.statusCode() != 200) {
                throw new IllegalStateException("publishing e-förslag " + id + " gave " + published.statusCode() + ": "
                        + published.body());
            }
            ids.add(id);
        }
        return ids;
    }
}
