package se.medborgardialog.reporting.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.Contributions;
import se.medborgardialog.reporting.facts.CountingProperties;

/**
 * Answers aggregate queries from the cells alone, never from the facts: the daily cells for days and weeks, the
 * monthly ones for months, quarters and years, rolled up at query time. The backlog at each period's end is the
 * backlog before the range (received − closed + reopened over every earlier cell) carried forward period by period.
 */
@Component
public class AggregateStatistics {

    private static final String TOTAL = "total";

    private final MongoTemplate mongo;
    private final Generations generations;
    private final CountingProperties counting;
    private final StatisticsProperties properties;

    public AggregateStatistics(MongoTemplate mongo, Generations generations, CountingProperties counting,
                        StatisticsProperties properties) {
        this.mongo = mongo;
        this.generations = generations;
        this.counting = counting;
        this.properties = properties;
    }

    public StatisticsReport query(AggregateQuery query) {
        Generation generation = generations.active();
        PeriodLength period = query.period();
        Map<LocalDate, Map<List<String>, Map<String, Long>>> byPeriod = new TreeMap<>();
        Set<List<String>> groups = new TreeSet<>(GROUP_ORDER);
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
            List<String> group = group(cell, query.groupBy());
            groups.add(group);
            Map<String, Long> counters = byPeriod.computeIfAbsent(period.start(date), d -> new HashMap<>())
                    .computeIfAbsent(group, g -> new HashMap<>());
            Document n = cell.get(StatisticCells.COUNTERS, Document.class);
            if (n != null) {
                n.forEach((name, value) -> counters.merge(name, ((Number) value).longValue(), Long::sum));
            }
        }
        Map<List<String>, Long> backlog = openingBacklog(query, generation);
        backlog.forEach((group, value) -> {
            if (value != 0) {
                groups.add(group);
            }
        });

        List<StatisticsReport.Row> rows = new ArrayList<>();
        List<Map<String, Long>> raws = new ArrayList<>();
        Map<String, Long> totalRaw = new HashMap<>();
        Map<String, String> guarantees = new TreeMap<>();
        for (LocalDate start = query.from(); !start.isAfter(query.to()); start = period.next(start)) {
            Map<List<String>, Map<String, Long>> cells = byPeriod.getOrDefault(start, Map.of());
            for (List<String> group : groups) {
                Map<String, Long> raw = new HashMap<>(cells.getOrDefault(group, Map.of()));
                raw.values().removeIf(value -> value == 0); // a cell whose cases all moved elsewhere
                long carried = backlog.getOrDefault(group, 0L) + raw.getOrDefault(Contributions.RECEIVED, 0L)
                        - raw.getOrDefault(Contributions.CLOSED, 0L) + raw.getOrDefault(Contributions.REOPENED, 0L);
                backlog.put(group, carried);
                if (raw.isEmpty() && carried == 0) {
                    continue;
                }
                raw.forEach((name, value) -> totalRaw.merge(name, value, Long::sum));
                Figures.guarantees(raw, guarantees);
                raws.add(raw);
                rows.add(row(period.label(start), start, period.end(start), query.groupBy(), group, raw, carried));
            }
        }
        long totalBacklog = backlog.values().stream().mapToLong(Long::longValue).sum();
        StatisticsReport.Row totals = row(TOTAL, query.from(), query.to(), List.of(), List.of(), totalRaw, totalBacklog);
        if (query.publicExport()) {
            List<StatisticsReport.Row> all = new ArrayList<>(rows);
            all.add(totals);
            List<StatisticsReport.Row> suppressed = suppress(all, query);
            rows = suppressed.subList(0, rows.size());
            totals = suppressed.get(rows.size());
        }
        return new StatisticsReport(counting.municipality(), period, query.from(), query.to(),
                query.groupBy().stream().map(Dimension::field).toList(), query.publicExport(),
                query.publicExport() ? properties.suppressionLimit() : null, guarantees, rows, totals);
    }

    private static StatisticsReport.Row row(String label, LocalDate from, LocalDate to, List<Dimension> groupBy,
                                            List<String> group, Map<String, Long> raw, long backlog) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            named.put(groupBy.get(i).field(), group.get(i));
        }
        Map<String, Long> counts = Figures.counts(raw, backlog);
        return new StatisticsReport.Row(label, from, to, named, counts, Figures.figures(raw, counts), Set.of());
    }

    private Document filters(AggregateQuery query) {
        Document match = new Document();
        query.filters().forEach((dimension, value) -> match.append(dimension.field(), value));
        if (!query.scope().everyUnit() && !query.filters().containsKey(Dimension.UNIT)) {
            match.append(Dimension.UNIT.field(), new Document("$in", List.copyOf(query.scope().units())));
        }
        return match;
    }

    /** received − closed + reopened over every cell before the range, per group, counted in the store. */
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

    private static List<String> group(Document cell, List<Dimension> groupBy) {
        return groupBy.stream().map(dimension -> {
            String value = cell.getString(dimension.field());
            return value == null ? "" : value;
        }).toList();
    }

    private static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    // ---- public exports ----

    private List<StatisticsReport.Row> suppress(List<StatisticsReport.Row> rows, AggregateQuery query) {
        int totalsRow = rows.size() - 1;
        List<Map<String, Long>> counts = rows.stream().map(StatisticsReport.Row::counts).toList();
        Set<String> names = new TreeSet<>();
        counts.forEach(c -> names.addAll(c.keySet()));
        List<List<Suppression.Cell>> relations = new ArrayList<>();
        for (String name : names) {
            // a column and its total
            List<Suppression.Cell> column = new ArrayList<>();
            for (int row = 0; row <= totalsRow; row++) {
                column.add(new Suppression.Cell(row, name));
            }
            relations.add(column);
            // the groups of one period; one group's periods
            Map<String, List<Suppression.Cell>> byPeriod = new HashMap<>();
            Map<Map<String, String>, List<Suppression.Cell>> byGroup = new HashMap<>();
            for (int row = 0; row < totalsRow; row++) {
                byPeriod.computeIfAbsent(rows.get(row).period(), p -> new ArrayList<>()).add(new Suppression.Cell(row, name));
                byGroup.computeIfAbsent(rows.get(row).group(), g -> new ArrayList<>()).add(new Suppression.Cell(row, name));
            }
            relations.addAll(byPeriod.values());
            relations.addAll(byGroup.values());
        }
        for (int row = 0; row <= totalsRow; row++) {
            int r = row;
            List<Suppression.Cell> ivo = new ArrayList<>(names.stream()
                    .filter(name -> name.startsWith("avvikelser:") && name.endsWith(":" + Figures.IVO_REPORTED))
                    .map(name -> new Suppression.Cell(r, name)).toList());
            ivo.add(new Suppression.Cell(row, Figures.IVO_REPORTED));
            relations.add(ivo);
        }
        // backlog(p) = backlog(p-1) + received - closed + reopened, for consecutive rows of one group
        Map<Map<String, String>, Integer> previous = new HashMap<>();
        for (int row = 0; row < totalsRow; row++) {
            Integer before = previous.put(rows.get(row).group(), row);
            if (before != null) {
                relations.add(List.of(new Suppression.Cell(before, Figures.BACKLOG),
                        new Suppression.Cell(row, "received"), new Suppression.Cell(row, "closed"),
                        new Suppression.Cell(row, "reopened"), new Suppression.Cell(row, Figures.BACKLOG)));
            }
        }
        Set<Suppression.Cell> hidden = Suppression.suppress(counts, relations, properties.suppressionLimit());
        List<StatisticsReport.Row> result = new ArrayList<>();
        for (int row = 0; row <= totalsRow; row++) {
            StatisticsReport.Row original = rows.get(row);
            Map<String, Long> shown = new LinkedHashMap<>(original.counts());
            Set<String> suppressed = new TreeSet<>();
            for (String name : original.counts().keySet()) {
                if (hidden.contains(new Suppression.Cell(row, name))) {
                    shown.put(name, null);
                    suppressed.add(name);
                }
            }
            Map<String, BigDecimal> figures = new LinkedHashMap<>(original.figures());
            for (String figure : original.figures().keySet()) {
                if (figureHidden(figure, original.counts(), suppressed, properties.suppressionLimit())) {
                    figures.put(figure, null);
                    suppressed.add(figure);
                }
            }
            result.add(new StatisticsReport.Row(original.period(), original.from(), original.to(), original.group(),
                    shown, figures, suppressed));
        }
        return result;
    }

    /** A share is hidden with its part or whole; the time to first answer when fewer than the limit answered. */
    private static boolean figureHidden(String figure, Map<String, Long> counts, Set<String> suppressed, long limit) {
        if (figure.equals(Figures.SHARE_IN_TIME)) {
            return suppressed.contains("answered") || suppressed.contains("answeredWithinDeadline");
        }
        if (Arrays.asList(Figures.FIRST_ANSWER).contains(figure)) {
            return suppressed.contains("answered") || counts.getOrDefault("answered", 0L) < limit;
        }
        if (figure.endsWith(":metShare")) {
            String id = figure.substring(0, figure.length() - ":metShare".length());
            return suppressed.contains(id + ":met") || suppressed.contains(id + ":breached");
        }
        return false;
    }
}
