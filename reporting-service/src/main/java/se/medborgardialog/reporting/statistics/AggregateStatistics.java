package se.medborgardialog.reporting.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.Contributions;
import se.medborgardialog.reporting.facts.CountingProperties;

/**
 * Answers aggregate queries from the cells alone, never from the facts: the daily cells for days and weeks, the
 * monthly ones for months, quarters and years, rolled up at query time from the in-memory copy of the cells
 * ({@link CellCube}). The backlog at each period's end is the
 * backlog before the range (received − closed + reopened over every earlier cell) carried forward period by period.
 */
@Component
public class AggregateStatistics {

    private static final String TOTAL = "total";

    private final CellCube cube;
    private final CountingProperties counting;
    private final StatisticsProperties properties;

    AggregateStatistics(CellCube cube, CountingProperties counting, StatisticsProperties properties) {
        this.cube = cube;
        this.counting = counting;
        this.properties = properties;
    }

    public StatisticsReport query(AggregateQuery query) {
        CellCube.Cells cells = cube.current();
        PeriodLength period = query.period();
        Map<LocalDate, Map<List<String>, CellCube.Sum>> byPeriod = new TreeMap<>();
        Set<List<String>> groups = new TreeSet<>(GROUP_ORDER);
        CellFilter filter = new CellFilter(query, cells.values());
        for (CellCube.Cell cell : period.wholeMonths() ? cells.months(query.from(), query.to())
                : cells.days(query.from(), query.to())) {
            if (!filter.matches(cell)) {
                continue;
            }
            List<String> group = filter.group(cell);
            groups.add(group);
            byPeriod.computeIfAbsent(period.start(cell.start()), d -> new HashMap<>())
                    .computeIfAbsent(group, g -> new CellCube.Sum(cells.names())).add(cell);
        }
        Map<LocalDate, Map<List<String>, Map<String, Long>>> raws = new TreeMap<>();
        byPeriod.forEach((start, sums) -> sums.forEach((group, sum) ->
                raws.computeIfAbsent(start, d -> new HashMap<>()).put(group, sum.nonZero())));
        return report(query, raws, groups, openingBacklog(cells, filter, query.from()));
    }

    /**
     * The report of the cells' sums: per period start and group the raw counters, every group seen in the range, and
     * per group the backlog before the range (which this fills in with each period's).
     */
    StatisticsReport report(AggregateQuery query, Map<LocalDate, Map<List<String>, Map<String, Long>>> byPeriod,
                            Set<List<String>> groups, Map<List<String>, Long> backlog) {
        PeriodLength period = query.period();
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

    /** received − closed + reopened over every cell before the range, per group. */
    private static Map<List<String>, Long> openingBacklog(CellCube.Cells cells, CellFilter filter, LocalDate from) {
        Map<List<String>, Long> backlog = new HashMap<>();
        sumBacklog(cells.monthsBefore(from), filter, backlog);
        if (from.getDayOfMonth() != 1) {
            sumBacklog(cells.daysBetween(from.withDayOfMonth(1), from), filter, backlog);
        }
        return backlog;
    }

    private static void sumBacklog(Iterable<CellCube.Cell> cells, CellFilter filter, Map<List<String>, Long> into) {
        for (CellCube.Cell cell : cells) {
            if (filter.matches(cell)) {
                into.merge(filter.group(cell), cell.backlogChange(), Long::sum);
            }
        }
    }

    /** The query's filters and the reader's units, as a test of a cell's numbered dimensions; and a cell's group. */
    private static final class CellFilter {

        private final int[] dimensions;
        private final int[] values;
        /** The reader's units by number, or null when she sees every unit or filters one. */
        private final BitSet units;
        private final int[] groupBy;
        private final CellCube.Names names;

        CellFilter(AggregateQuery query, CellCube.Names names) {
            this.names = names;
            List<Dimension> filtered = List.copyOf(query.filters().keySet());
            dimensions = filtered.stream().mapToInt(CellFilter::index).toArray();
            values = filtered.stream().mapToInt(dimension -> names.find(query.filters().get(dimension))).toArray();
            if (!query.scope().everyUnit() && !query.filters().containsKey(Dimension.UNIT)) {
                units = new BitSet();
                query.scope().units().stream().mapToInt(names::find).filter(unit -> unit >= 0).forEach(units::set);
            } else {
                units = null;
            }
            groupBy = query.groupBy().stream().mapToInt(CellFilter::index).toArray();
        }

        boolean matches(CellCube.Cell cell) {
            int[] of = cell.dimensions();
            for (int i = 0; i < dimensions.length; i++) {
                if (of[dimensions[i]] != values[i]) {
                    return false;
                }
            }
            return units == null || units.get(of[UNIT]); // a value no cell has is -1 and matches none
        }

        List<String> group(CellCube.Cell cell) {
            String[] group = new String[groupBy.length];
            for (int i = 0; i < groupBy.length; i++) {
                group[i] = names.name(cell.dimensions()[groupBy[i]]);
            }
            return List.of(group);
        }

        private static final int UNIT = index(Dimension.UNIT);

        private static int index(Dimension dimension) {
            return Arrays.asList(StatisticCells.DIMENSIONS).indexOf(dimension.field());
        }
    }

    static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
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
