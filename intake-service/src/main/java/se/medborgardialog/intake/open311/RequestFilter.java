package se.medborgardialog.intake.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET requests}, read from its parameters by GeoReport v2's rules: {@code service_request_id}
 * (comma-separated) overrides every other filter; otherwise {@code service_code} (comma-separated),
 * {@code start_date}/{@code end_date} (a window of at most {@code maxWindow}, by default the last
 * {@code maxWindow} up to now) and {@code status} ({@code open}, {@code closed}, comma-separated).
 *
 * @param ids          the requested service request ids (submission UUIDs, lower case); null when not asked for
 * @param serviceCodes the service codes to include; null for all
 * @param statuses     the statuses to include; never empty (both when not asked for)
 */
record RequestFilter(List<String> ids, Set<String> serviceCodes, Instant from, Instant to, Set<Status> statuses) {

    enum Status {
        OPEN, CLOSED;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** From the query's parameters; one given several times counts as its values comma-separated. */
    static RequestFilter of(MultiValueMap<String, String> parameters, Instant now, Duration maxWindow) {
        return parse(joined(parameters, "service_request_id"), joined(parameters, "service_code"),
                joined(parameters, "start_date"), joined(parameters, "end_date"), joined(parameters, "status"), now,
                maxWindow);
    }

    private static String joined(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : String.join(",", values);
    }

    /** @throws Open311Exception 400 naming each parameter that cannot be read */
    static RequestFilter parse(String serviceRequestIds, String serviceCodes, String startDate, String endDate,
            String status, Instant now, Duration maxWindow) {
        List<String> ids = commaSeparated(serviceRequestIds);
        if (!ids.isEmpty()) {
            return new RequestFilter(ids.stream().map(RequestFilter::canonicalId).flatMap(Optional::stream)
                    .distinct().toList(), null, null, null, EnumSet.allOf(Status.class));
        }
        List<String> errors = new ArrayList<>();
        Optional<Instant> start = date("start_date", startDate, false, errors);
        Optional<Instant> end = date("end_date", endDate, true, errors);
        Instant from = null;
        Instant to = null;
        if (errors.isEmpty()) {
            to = end.orElseGet(() -> start.map(given -> given.plus(maxWindow)).orElse(now));
            from = start.orElseGet(() -> end.orElse(now).minus(maxWindow));
            if (to.isBefore(from)) {
                errors.add("end_date: Slutdatumet ligger före startdatumet.");
            } else if (Duration.between(from, to).compareTo(maxWindow) > 0) {
                errors.add("end_date: Från start_date till end_date får det vara högst " + maxWindow.toDays()
                        + " dagar.");
            }
        }
        Set<Status> statuses = statuses(status, errors);
        if (!errors.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, errors, new HttpHeaders());
        }
        List<String> codes = commaSeparated(serviceCodes);
        return new RequestFilter(null, codes.isEmpty() ? null : new LinkedHashSet<>(codes), from, to, statuses);
    }

    boolean includes(Status status) {
        return statuses.contains(status);
    }

    /** A service request id is a submission's UUID; anything else names no request and is left out. */
    static Optional<String> canonicalId(String given) {
        try {
            return Optional.of(UUID.fromString(given.strip()).toString());
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> date(String name, String given, boolean endOfDay, List<String> errors) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        Optional<Instant> parsed = W3cDateTimes.parse(given, endOfDay);
        if (parsed.isEmpty()) {
            errors.add(name + ": Ange en tidpunkt enligt W3C/ISO 8601, t.ex. 2026-11-23T11:00:00+01:00.");
        }
        return parsed;
    }

    private static Set<Status> statuses(String given, List<String> errors) {
        List<String> values = commaSeparated(given);
        if (values.isEmpty()) {
            return EnumSet.allOf(Status.class);
        }
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String value : values) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.add(Status.OPEN);
                case "closed" -> statuses.add(Status.CLOSED);
                default -> errors.add("status: Okänd status '" + value + "'. Tillåtna värden: open, closed.");
            }
        }
        return statuses;
    }

    /** "a, b,,c" → [a, b, c]; null or blank → []. */
    static List<String> commaSeparated(String given) {
        if (given == null) {
            return List.of();
        }
        return Arrays.stream(given.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
