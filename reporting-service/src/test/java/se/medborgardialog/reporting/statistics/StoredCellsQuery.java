package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.Contributions;

/**
 * The computation before the in-memory cube, kept as the reference the fast path must equal: the store matches the
 * cells of the range ({@code find} with the filters) and sums the opening backlog ({@code $match}/{@code $group});
 * the rows, figures and suppression are then the same code's ({@link AggregateStatistics#report}).
 */
final class StoredCellsQuery {

    private final MongoTemplate mongo;
    private final AggregateStatistics statistics;

    StoredCellsQuery(MongoTemplate mongo, AggregateStatistics statistics) {
        this.mongo = mongo;
        this.statistics = statistics;
    }

    StatisticsReport query(AggregateQuery query, Generation generation) {
        PeriodLength period = query.period();
        Map<LocalDate, Map<List<String>, Map<String, Long>>> byPeriod = new TreeMap<>();
        Set<List<String>> groups = new TreeSet<>(AggregateStatistics.GROUP_ORDER);
        Document match = filters(query);
        if (period.wholeMonths()) {
            match.append(StatisticCells.PERIOD, new Document("$gte", month(query.from())).append("$lte", month(query.to())));
        } else {
            match.append(StatisticCells.PERIOD, new Document("$gte", query.from().toString()).append("$lte", query.to().toString()));
        }
        String collection = period.wholeMonths() ? generation.months() : generation.days();
        for (Document cell : mongo.getCollection(collection).find(match)) {
            String text = cell.getString(StatisticCells.PERIOD);
            LocalDate date = LocalDate.parse(text.length() == 7 ? text + "-01" : text);
            List<String> group = query.groupBy().stream().map(dimension -> {
                String value = cell.getString(dimension.field());
                return value == null ? "" : value;
            }).toList();
            groups.add(group);
            Map<String, Long> counters = byPeriod.computeIfAbsent(period.start(date), d -> new HashMap<>())
                    .computeIfAbsent(group, g -> new HashMap<>());
            Document n = cell.get(StatisticCells.COUNTERS, Document.class);
            if (n != null) {
                n.forEach((name, value) -> counters.merge(name, ((Number) value).longValue(), Long::sum));
            }
        }
        return statistics.report(query, byPeriod, groups, openingBacklog(query, generation));
    }

    private Document filters(AggregateQuery query) {
        Document match = new Document();
        query.filters().forEach((dimension, value) -> match.append(dimension.field(), value));
        if (!query.scope().everyUnit() && !query.filters().containsKey(Dimension.UNIT)) {
            match.append(Dimension.UNIT.field(), new Document("$in", List.copyOf(query.scope().units())));
        }
        return match;
    }

    private Map<List<String>, Long> openingBacklog(AggregateQuery query, Generation generation) {
        Map<List<String>, Long> backlog = new HashMap<>();
        LocalDate from = query.from();
        Document beforeMonth = filters(query).append(StatisticCells.PERIOD, new Document("$lt", month(from)));
        sumBacklog(generation.months(), beforeMonth, query.groupBy(), backlog);
        if (from.getDayOfMonth() != 1) {
            Document daysBefore = filters(query).append(StatisticCells.PERIOD,
                    new Document("$gte", from.withDayOfMonth(1).toString()).append("$lt", from.toString()));
            sumBacklog(generation.days(), daysBefore, query.groupBy(), backlog);
        }
        return backlog;
    }

    private void sumBacklog(String collection, Document match, List<Dimension> groupBy, Map<List<String>, Long> into) {
        Document id = new Document();
        groupBy.forEach(dimension -> id.append(dimension.field(), "$" + dimension.field()));
        Document group = new Document("_id", id)
                .append("received", new Document("$sum", "$" + StatisticCells.COUNTERS + "." + Contributions.RECEIVED))
                .append("closed", new Document("$sum", "$" + StatisticCells.COUNTERS + "." + Contributions.CLOSED))
                .append("reopened", new Document("$sum", "$" + StatisticCells.COUNTERS + "." + Contributions.REOPENED));
        for (Document result : mongo.getCollection(collection)
                .aggregate(List.of(new Document("$match", match), new Document("$group", group)))) {
            Document key = result.get("_id", Document.class);
            List<String> groupKey = groupBy.stream()
                    .map(dimension -> key == null ? "" : String.valueOf(key.get(dimension.field()) == null ? "" : key.get(dimension.field())))
                    .toList();
            long value = number(result, "received") - number(result, "closed") + number(result, "reopened");
            into.merge(groupKey, value, Long::sum);
        }
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }
}
