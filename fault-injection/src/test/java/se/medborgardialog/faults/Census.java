package se.medborgardialog.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Counts what the system holds: case-service's store read directly through the driver (the harness is test code),
 * the cases and deadlines topics read from their beginning, the dead-letter topics, and reporting's statistics API.
 */
final class Census {

    /** A clock as the deadlines topic tells it: when it falls due and the distinct breach events for it. */
    record Clock(String caseId, String clock, Instant dueAt, Set<String> breaches, boolean met) {
    }

    private final String storeUri;
    private final EventLog events;
    private final Function<String, URI> reporting;
    private final Http http = new Http();

    Census(String storeUri, EventLog events, Function<String, URI> reporting) {
        this.storeUri = storeUri;
        this.events = events;
        this.reporting = reporting;
    }

    /** Case id → case type of every case in case-service's store. */
    Map<String, String> storedCases() {
        try (MongoClient client = MongoClients.create(storeUri)) {
            Map<String, String> cases = new HashMap<>();
            for (Document d : client.getDatabase("cases").getCollection("cases").find()
                    .projection(Projections.include("_id", "caseType"))) {
                cases.put(String.valueOf(d.get("_id")), d.getString("caseType") == null ? "SYNPUNKT" : d.getString("caseType"));
            }
            return cases;
        }
    }

    /** Case id → the distinct {@code CaseOpened} event ids published for it. */
    Map<String, Set<String>> caseOpenings() {
        Map<String, Set<String>> openings = new HashMap<>();
        for (EventLog.Event e : events.readAll(Topics.CASES)) {
            if (EventTypes.CASE_OPENED.equals(unquote(e.header("ce_type")))) {
                openings.computeIfAbsent(e.key(), k -> new HashSet<>()).add(unquote(e.header("ce_id")));
            }
        }
        return openings;
    }

    /** Every clock scheduled so far, keyed by case id and clock name, with its distinct breaches. */
    Map<String, Clock> clocks() {
        Map<String, Instant> due = new HashMap<>();
        Map<String, Set<String>> breaches = new HashMap<>();
        Set<String> met = new HashSet<>();
        for (EventLog.Event e : events.readAll(Topics.DEADLINES)) {
            String type = unquote(e.header("ce_type"));
            if (e.body() == null || type == null) {
                continue;
            }
            JsonNode body;
            try {
                body = Http.JSON.readTree(e.body());
            } catch (RuntimeException notJson) {
                continue; // poison of our own
            }
            if (!body.hasNonNull("caseId") || !body.hasNonNull("clock")) {
                continue;
            }
            String key = body.get("caseId").asString() + "/" + body.get("clock").asString();
            switch (type) {
                case EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_RESCHEDULED -> {
                    if (body.hasNonNull("dueAt")) {
                        due.put(key, Instant.parse(body.get("dueAt").asString()));
                    }
                }
                case EventTypes.DEADLINE_BREACHED -> breaches.computeIfAbsent(key, k -> new HashSet<>())
                        .add(unquote(e.header("ce_id")));
                case EventTypes.DEADLINE_MET -> met.add(key);
                default -> {
                }
            }
        }
        Map<String, Clock> clocks = new HashMap<>();
        due.forEach((key, dueAt) -> {
            String[] parts = key.split("/", 2);
            clocks.put(key, new Clock(parts[0], parts[1], dueAt, breaches.getOrDefault(key, Set.of()), met.contains(key)));
        });
        return clocks;
    }

    /** Dead-letter topic → its records. */
    Map<String, List<EventLog.Event>> deadLetters() {
        Map<String, List<EventLog.Event>> dlq = new TreeMap<>();
        for (String topic : events.deadLetterTopics()) {
            dlq.put(topic, events.readAll(topic));
        }
        return dlq;
    }

    /** Received per case type in reporting's statistics, over every date the run can have used. */
    Map<String, Long> reportedReceived() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        var response = http.get(reporting.apply("/api/v1/statistics?period=year&from=" + today.minusMonths(2)
                + "&to=" + today.plusDays(1) + "&groupBy=caseType"), "stina");
        if (response.status() != 200) {
            throw new IllegalStateException("statistics answered " + response.status() + ": " + response.body());
        }
        Map<String, Long> received = new TreeMap<>();
        for (JsonNode row : response.json().get("rows")) {
            long n = row.get("counts").get("received").asLong();
            if (n > 0) {
                received.merge(row.get("group").get("caseType").asString(), n, Long::sum);
            }
        }
        return received;
    }

    /** Spring's header mapper writes non-byte[] header values as JSON: {@code "abc"} with its quotes. */
    static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
