package se.medborgardialog.intake.felanmalan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * A felanmälan as an API client sends it; start from a street light out at a random spot in Sweden (so tests that
 * share the database never link to each other's reports by chance) and change what the test is about.
 */
final class FelanmalanJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> location = new LinkedHashMap<>();

    static FelanmalanJson streetLightOut() {
        FelanmalanJson report = new FelanmalanJson();
        report.body.put("category", "gatubelysning");
        report.body.put("description", "Gatlyktan utanför nummer 12 är släckt sedan i måndags.");
        report.body.put("location", report.location);
        report.body.put("contact", Map.of("name", "Eva Lind", "email", "eva@example.se", "phone", "070-123 45 67"));
        report.body.put("channel", "app");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return report.at(random.nextDouble(56.0, 68.0), random.nextDouble(12.0, 23.0));
    }

    FelanmalanJson at(Double latitude, Double longitude) {
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        return this;
    }

    FelanmalanJson address(String address) {
        location.put("address", address);
        return this;
    }

    FelanmalanJson withoutLocation() {
        body.remove("location");
        return this;
    }

    FelanmalanJson set(String field, Object value) {
        body.put(field, value);
        return this;
    }

    double latitude() {
        return (Double) location.get("latitude");
    }

    double longitude() {
        return (Double) location.get("longitude");
    }

    String json() {
        return JSON.writeValueAsString(body);
    }
}
