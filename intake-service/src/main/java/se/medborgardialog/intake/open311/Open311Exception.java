package se.medborgardialog.intake.open311;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal under {@code /open311}: written in GeoReport v2's error format ({@code [{code, description}]} or
 * {@code <errors><error>…}) by {@link Open311Controller}, never as problem+json.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;
    private final HttpHeaders headers;

    Open311Exception(HttpStatus status, String description) {
        this(status, List.of(description), new HttpHeaders());
    }

    Open311Exception(HttpStatus status, List<String> descriptions, HttpHeaders headers) {
        super(String.join(" ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
        this.headers = headers;
    }

    HttpStatus status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }

    HttpHeaders headers() {
        return headers;
    }
}
