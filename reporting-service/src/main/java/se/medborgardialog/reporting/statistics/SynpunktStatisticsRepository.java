package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.facts.CaseFact;
import se.medborgardialog.reporting.facts.Counts;

/**
 * The synpunkter per receipt day (the cohort view of before the streamed aggregates). Aggregates the case facts inside the store with {@code $match} and {@code $group}/{@code $sum} only (what both
 * MongoDB and the in-process test store support), applying the counting rules of {@link CaseFact#counts()}.
 */
@Component
public class SynpunktStatisticsRepository {

    private static final Comparator<StatisticsRow> ORDER = Comparator.comparing(StatisticsRow::date)
            .thenComparing(StatisticsRow::kind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StatisticsRow::category, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StatisticsRow::unit, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final MongoTemplate mongo;
    private final Generations generations;

    SynpunktStatisticsRepository(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    public SynpunktStatistics query(StatisticsQuery query) {
        List<Document> pipeline = List.of(new Document("$match", match(query)), new Document("$group", group()));
        List<StatisticsRow> rows = new ArrayList<>();
        mongo.getCollection(generations.active().facts()).aggregate(pipeline).forEach(result -> rows.add(row(result)));
        rows.sort(ORDER);
        return SynpunktStatistics.of(query.from(), query.to(), rows);
    }

    private static Document match(StatisticsQuery query) {
        // receivedDate is an ISO date string: its text order is its date order, and a fact without it
        // (a deadline event that overtook its CaseOpened) falls outside every range.
        Document match = new Document("receivedDate",
                new Document("$gte", query.from().toString()).append("$lte", query.to().toString()))
                // facts from before case types were recorded are synpunkter
                .append("caseType", new Document("$in", Arrays.asList(null, "SYNPUNKT")));
        if (query.kind() != null) {
            match.append("kind", query.kind().name());
        }
        if (query.category() != null) {
            match.append("category", query.category());
        }
        if (query.unit() != null) {
            match.append("unit", query.unit());
        } else if (!query.scope().everyUnit()) {
            match.append("unit", new Document("$in", List.copyOf(query.scope().units())));
        }
        return match;
    }

    private static Document group() {
        return new Document("_id", new Document("date", "$receivedDate")
                        .append("kind", "$kind").append("category", "$category").append("unit", "$unit"))
                .append("received", new Document("$sum", 1))
                .append("answered", sumOf(present("$answeredAt"), 1, 0))
                .append("answeredWithinDeadline", sumOf(equal("$deadlineOutcome", "MET"), 1, 0))
                .append("breached", sumOf(equal("$deadlineOutcome", "BREACHED"), 1, 0))
                .append("open", sumOf(present("$closedAt"), 0, 1));
    }

    private static Document sumOf(Document condition, int then, int otherwise) {
        return new Document("$sum", new Document("$cond", List.of(condition, then, otherwise)));
    }

    /** {@code $ifNull} turns a missing field into null, which {@code $ne} then compares (Arrays.asList: List.of refuses null). */
    private static Document present(String field) {
        return new Document("$ne", Arrays.asList(new Document("$ifNull", Arrays.asList(field, null)), null));
    }

    private static Document equal(String field, String value) {
        return new Document("$eq", List.of(field, value));
    }

    private static StatisticsRow row(Document result) {
        Document id = result.get("_id", Document.class);
        String kind = id.getString("kind");
        return new StatisticsRow(LocalDate.parse(id.getString("date")),
                kind == null ? null : SynpunktKind.valueOf(kind), id.getString("category"), id.getString("unit"),
                new Counts(count(result, "received"), count(result, "answered"),
                        count(result, "answeredWithinDeadline"), count(result, "breached"), count(result, "open")));
    }

    private static long count(Document result, String field) {
        Object value = result.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
