package se.medborgardialog.intake.open311;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A {@code POST requests} body as an Open311 client form-encodes it: a street light out at a random spot in Sweden
 * (so tests sharing the database never link to each other's reports by chance), with the development key.
 */
final class Open311Form {

    static final String DEVELOPMENT_KEY = "utveckling-open311-inte-for-produktion";

    private final Map<String, String> fields = new LinkedHashMap<>();

    static Open311Form streetLightOut() {
        Open311Form form = new Open311Form();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return form.set("api_key", DEVELOPMENT_KEY)
                .set("service_code", "gatubelysning")
                .set("description", "Gatlyktan vid busshållplatsen är släckt.")
                .set("first_name", "Eva")
                .set("last_name", "Lind")
                .set("email", "eva@example.se")
                .set("phone", "070-123 45 67")
                .at(random.nextDouble(56.0, 68.0), random.nextDouble(12.0, 23.0));
    }

    Open311Form at(double latitude, double longitude) {
        return set("lat", Double.toString(latitude)).set("long", Double.toString(longitude));
    }

    Open311Form set(String field, String value) {
        fields.put(field, value);
        return this;
    }

    Open311Form without(String field) {
        fields.remove(field);
        return this;
    }

    double latitude() {
        return Double.parseDouble(fields.get("lat"));
    }

    double longitude() {
        return Double.parseDouble(fields.get("long"));
    }

    /** {@code application/x-www-form-urlencoded}. */
    String encoded() {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
