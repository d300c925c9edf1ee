package se.medborgardialog.reporting.exactness;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import se.medborgardialog.contracts.CaseCountsReported;
import se.medborgardialog.contracts.CountGranularity;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.ReconciliationId;
import se.medborgardialog.contracts.ReconciliationRequested;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.Contributions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the aggregates with case-service's case store. No service reads another's store, so it asks over Kafka:
 * {@link ReconciliationRequested} on {@code medborgardialog.reconciliation.v1}, answered by case-service's
 * {@link CaseCountsReported} (received, answered, closed and reopened per period and dimensions, and the backlog at
 * the end). The answer names, per partition of the cases topic, the end offset after its count; the comparison is
 * made only once this service's live consumer has committed at least those offsets, so every event the counts include
 * is in the cells too ("väntar" until then, "tidsgräns" after {@code reporting.reconciliation.catch-up-timeout}). It
 * is made once and kept: asking again later gives the same result. {@code eventsAfterCount} says how many case events
 * the cells held beyond the answer's offsets when compared (0: both sides describe exactly the same events).
 */
@Component
public class CaseStoreReconciliation {

    static final String COLLECTION = "caseStoreReconciliations";
    static final String BINDING = "reconciliationOut";
    private static final Logger log = LoggerFactory.getLogger(CaseStoreReconciliation.class);

    /** The four flows both sides count, per cell. */
    public record Flows(long received, long answered, long closed, long reopened) {

        static final Flows NONE = new Flows(0, 0, 0, 0);

        Flows plus(Flows other) {
            return new Flows(received + other.received, answered + other.answered, closed + other.closed,
                    reopened + other.reopened);
        }

        /** Case store minus reporting, for each figure that differs. */
        Map<String, Long> minus(Flows reporting) {
            Map<String, Long> differences = new LinkedHashMap<>();
            put(differences, "received", received - reporting.received);
            put(differences, "answered", answered - reporting.answered);
            put(differences, "closed", closed - reporting.closed);
            put(differences, "reopened", reopened - reporting.reopened);
            return differences;
        }
    }

    /** One compared cell: a period and dimensions (nämnd left out: case-service does not know it; it follows the unit). */
    public record ComparedCell(String period, String caseType, String kind, String category, String unit,
                               String channel, Flows caseStore, Flows reporting, Map<String, Long> differences) {
    }

    /** The backlog (received − closed + reopened up to the end of the period) of one combination of dimensions. */
    public record ComparedBacklog(String caseType, String kind, String category, String unit, String channel,
                                  long caseStore, long reporting, Map<String, Long> differences) {
    }

    public record Result(Instant comparedAt, int generation, Map<Integer, Long> reportingOffsets,
                         long eventsAfterCount, boolean consistent, long differences, List<ComparedCell> cells,
                         List<ComparedBacklog> backlog) {
    }

    /** What {@code GET …/case-store/{id}} shows. */
    public record View(String reconciliationId, LocalDate from, LocalDate to, String period, Instant requestedAt,
                       String status, String message, Instant countedAt, Map<Integer, Long> casesTopicEnds,
                       Map<Integer, Long> lagging, Result result) {
    }

    /** Kafka did not take the request, or did not tell how far the consumer has read: answered 503. */
    static class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final JsonMapper json;
    private final Generations generations;
    private final CasesConsumerProgress progress;
    private final CaseStoreReconciliationProperties properties;
    private final Clock clock;

    CaseStoreReconciliation(MongoTemplate mongo, StreamBridge bridge, JsonMapper json, Generations generations,
            CasesConsumerProgress progress, CaseStoreReconciliationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.json = json;
        this.generations = generations;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the request and publishes it (acknowledged by the broker before this returns). */
    public ReconciliationId request(LocalDate from, LocalDate to, CountGranularity granularity) {
        ReconciliationId id = new ReconciliationId(UUID.randomUUID());
        Instant now = clock.instant();
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", id.toString())
                .append("from", from.toString()).append("to", to.toString())
                .append("granularity", granularity.name()).append("requestedAt", Date.from(now)));
        ReconciliationRequested request = new ReconciliationRequested(id, from, to, granularity, now);
        Message<byte[]> message = MessageBuilder.withPayload(json.writeValueAsBytes(request))
                .setHeader(KafkaHeaders.KEY, id.toString())
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", UUID.nameUUIDFromBytes((id + ":" + EventTypes.RECONCILIATION_REQUESTED)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setHeader("ce_source", EventTypes.SOURCE_REPORTING)
                .setHeader("ce_type", EventTypes.RECONCILIATION_REQUESTED)
                .setHeader("ce_time", now.toString())
                .setHeader("ce_subject", id.toString())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        boolean sent;
        try {
            sent = bridge.send(BINDING, message);
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("The reconciliation request " + id + " was not acknowledged", e);
        }
        if (!sent) {
            throw new BrokerUnavailableException("The reconciliation request " + id + " was not acknowledged", null);
        }
        log.info("Reconciliation {} with the case store requested for {}–{} per {}", id, from, to, granularity);
        return id;
    }

    /** case-service's answer arrived: kept with the request, once (a redelivered answer changes nothing). */
    void answered(byte[] payload, String eventId) {
        CaseCountsReported answer = json.readValue(payload, CaseCountsReported.class);
        if (answer.reconciliationId() == null) {
            throw new IllegalArgumentException("Event lacks reconciliationId");
        }
        String id = answer.reconciliationId().toString();
        long stored = mongo.getCollection(COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", id), Filters.exists("answer", false)),
                Updates.combine(Updates.set("answer", new String(payload, StandardCharsets.UTF_8)),
                        Updates.set("answerEventId", eventId),
                        Updates.set("answerReceivedAt", Date.from(clock.instant())))).getModifiedCount();
        log.info("Reconciliation {}: case-service's answer {} {}", id, eventId,
                stored == 1 ? "kept" : "ignored (answered before, or not requested here)");
    }

    public Optional<View> view(String id) {
        Document request = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first();
        if (request == null) {
            return Optional.empty();
        }
        LocalDate from = LocalDate.parse(request.getString("from"));
        LocalDate to = LocalDate.parse(request.getString("to"));
        String period = request.getString("granularity").toLowerCase();
        Instant requestedAt = request.getDate("requestedAt").toInstant();
        Instant now = clock.instant();
        String answerJson = request.getString("answer");
        if (answerJson == null) {
            boolean late = now.isAfter(requestedAt.plus(properties.answerTimeout()));
            return Optional.of(new View(id, from, to, period, requestedAt, late ? "tidsgräns" : "väntar",
                    late ? "case-service har inte svarat." : "Väntar på svar från case-service.", null, null, null,
                    null));
        }
        CaseCountsReported answer = json.readValue(answerJson, CaseCountsReported.class);
        String resultJson = request.getString("result");
        if (resultJson == null) {
            Map<Integer, Long> committed = progress.committed();
            Map<Integer, Long> lagging = lagging(answer.casesTopicEnds(), committed);
            if (!lagging.isEmpty()) {
                Instant answeredAt = request.getDate("answerReceivedAt").toInstant();
                boolean late = now.isAfter(answeredAt.plus(properties.catchUpTimeout()));
                return Optional.of(new View(id, from, to, period, requestedAt, late ? "tidsgräns" : "väntar",
                        late ? "Statistiken har inte läst ikapp de ärendehändelser som case-service räknade med."
                                : "Väntar på att statistiken läser ikapp de ärendehändelser som case-service räknade med.",
                        answer.countedAt(), answer.casesTopicEnds(), lagging, null));
            }
            Result result = compare(answer, committed);
            mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("result", false)),
                    Updates.set("result", json.writeValueAsString(result)));
            resultJson = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first().getString("result");
            log.info("Reconciliation {} compared: {} differences", id, result.differences());
        }
        Result result = json.readValue(resultJson, Result.class);
        return Optional.of(new View(id, from, to, period, requestedAt, "klar", result.consistent()
                ? "Statistiken stämmer med ärendena." : "Statistiken skiljer sig från ärendena: se differences.",
                answer.countedAt(), answer.casesTopicEnds(), Map.of(), result));
    }

    /** Partitions where the consumer has not committed up to the answer's offset, with how far it has to go. */
    static Map<Integer, Long> lagging(Map<Integer, Long> ends, Map<Integer, Long> committed) {
        Map<Integer, Long> lagging = new TreeMap<>();
        ends.forEach((partition, end) -> {
            long behind = end - committed.getOrDefault(partition, 0L);
            if (behind > 0) {
                lagging.put(partition, behind);
            }
        });
        return lagging;
    }

    Result compare(CaseCountsReported answer, Map<Integer, Long> committed) {
        Generation generation = generations.active();
        boolean perDay = answer.granularity() == CountGranularity.DAY;
        Map<String, Flows> caseStore = new TreeMap<>();
        answer.rows().forEach(row -> caseStore.merge(key(row.period(), row.caseType(), row.kind(), row.category(),
                row.unit(), row.channel()), new Flows(row.received(), row.answered(), row.closed(), row.reopened()),
                Flows::plus));
        Map<String, Flows> reporting = new TreeMap<>();
        String first = perDay ? answer.from().toString() : YearMonth.from(answer.from()).toString();
        String last = perDay ? answer.to().toString() : YearMonth.from(answer.to()).toString();
        cells(perDay ? generation.days() : generation.months(),
                Filters.and(Filters.gte(StatisticCells.PERIOD, first), Filters.lte(StatisticCells.PERIOD, last)))
                .forEach(cell -> {
                    Flows flows = new Flows(counter(cell, Contributions.RECEIVED), counter(cell, Contributions.ANSWERED),
                            counter(cell, Contributions.CLOSED), counter(cell, Contributions.REOPENED));
                    if (!flows.equals(Flows.NONE)) {
                        reporting.merge(storedKey(cell, cell.getString(StatisticCells.PERIOD)), flows, Flows::plus);
                    }
                });
        List<ComparedCell> cells = new ArrayList<>();
        long differences = 0;
        for (String key : union(caseStore.keySet(), reporting.keySet())) {
            Flows theirs = caseStore.getOrDefault(key, Flows.NONE);
            Flows ours = reporting.getOrDefault(key, Flows.NONE);
            Map<String, Long> diff = theirs.minus(ours);
            differences += diff.size();
            String[] p = key.split("\\|", -1);
            cells.add(new ComparedCell(p[0], blank(p[1]), blank(p[2]), blank(p[3]), blank(p[4]), blank(p[5]), theirs,
                    ours, diff));
        }
        Map<String, Long> backlogCaseStore = new TreeMap<>();
        answer.open().forEach(open -> backlogCaseStore.merge(key("", open.caseType(), open.kind(), open.category(),
                open.unit(), open.channel()), open.open(), Long::sum));
        Map<String, Long> backlogReporting = new TreeMap<>();
        cells(generation.days(), Filters.lte(StatisticCells.PERIOD, answer.to().toString())).forEach(cell ->
                backlogReporting.merge(storedKey(cell, ""), counter(cell, Contributions.RECEIVED)
                        - counter(cell, Contributions.CLOSED) + counter(cell, Contributions.REOPENED), Long::sum));
        backlogReporting.values().removeIf(value -> value == 0);
        List<ComparedBacklog> backlog = new ArrayList<>();
        for (String key : union(backlogCaseStore.keySet(), backlogReporting.keySet())) {
            long theirs = backlogCaseStore.getOrDefault(key, 0L);
            long ours = backlogReporting.getOrDefault(key, 0L);
            Map<String, Long> diff = new LinkedHashMap<>();
            put(diff, "open", theirs - ours);
            differences += diff.size();
            String[] p = key.split("\\|", -1);
            backlog.add(new ComparedBacklog(blank(p[1]), blank(p[2]), blank(p[3]), blank(p[4]), blank(p[5]), theirs,
                    ours, diff));
        }
        long eventsAfterCount = 0;
        for (Map.Entry<Integer, Long> end : answer.casesTopicEnds().entrySet()) {
            eventsAfterCount += Math.max(0, committed.getOrDefault(end.getKey(), 0L) - end.getValue());
        }
        return new Result(clock.instant(), generation.number(), committed, eventsAfterCount, differences == 0,
                differences, cells, backlog);
    }

    private Iterable<Document> cells(String collection, Bson filter) {
        return mongo.getCollection(collection).find(filter);
    }

    private static long counter(Document cell, String counter) {
        Document n = cell.get(StatisticCells.COUNTERS, Document.class);
        Object value = n == null ? null : n.get(counter);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A cell's key as stored (dimensions already made safe, nämnd left out). */
    private static String storedKey(Document cell, String period) {
        return String.join("|", period, cell.getString("caseType"), cell.getString("kind"),
                cell.getString("category"), cell.getString("unit"), cell.getString("channel"));
    }

    /** case-service's dimensions made safe as reporting's cells make them ({@link Contributions.Cell}). */
    private static String key(String period, Enum<?> caseType, Enum<?> kind, String category, String unit,
            Enum<?> channel) {
        String[] p = new Contributions.Cell(name(caseType), name(kind), category, unit, null, name(channel))
                .id(LocalDate.EPOCH).split("\\|", -1);
        return String.join("|", period, p[1], p[2], p[3], p[4], p[6]);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void put(Map<String, Long> differences, String figure, long difference) {
        if (difference != 0) {
            differences.put(figure, difference);
        }
    }
}
