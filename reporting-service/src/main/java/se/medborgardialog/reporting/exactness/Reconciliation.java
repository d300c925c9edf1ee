package se.medborgardialog.reporting.exactness;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import se.medborgardialog.reporting.facts.CaseFacts;
import se.medborgardialog.reporting.facts.Contributions;

/**
 * Recomputes every aggregate cell from the case facts by the counting rules ({@link Contributions}) and compares it
 * with the cell maintained from the streams, counter by counter, for the daily and the monthly cells. Any difference
 * (a lost or doubled increment, or a change of {@code reporting.namnder} or the calendar since the cells were counted,
 * which a rebuild resolves) is reported with its cell. It compares with this service's own facts, not with
 * case-service's store: services never read each other's stores.
 */
@Component
public class Reconciliation {

    /** One counter of one cell that differs. */
    public record Difference(String level, String period, String caseType, String kind, String category, String unit,
                             String namnd, String channel, String counter, long expected, long actual) {
    }

    public record Report(int generation, Instant checkedAt, long facts, long cells, boolean consistent,
                         List<Difference> differences) {
    }

    private final Generations generations;
    private final CaseFacts facts;
    private final Contributions contributions;
    private final MongoTemplate mongo;
    private final Clock clock;

    Reconciliation(Generations generations, CaseFacts facts, Contributions contributions, MongoTemplate mongo,
                   Clock clock) {
        this.generations = generations;
        this.facts = facts;
        this.contributions = contributions;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Report reconcile() {
        Generation generation = generations.active();
        Map<String, Map<String, Long>> days = new HashMap<>();
        Map<String, Map<String, Long>> months = new HashMap<>();
        long[] factCount = {0};
        facts.forEach(generation, fact -> {
            factCount[0]++;
            contributions.of(fact).forEach((cell, counters) -> counters.forEach((counter, value) -> {
                days.computeIfAbsent(cell, c -> new HashMap<>()).merge(counter, value, Long::sum);
                months.computeIfAbsent(StatisticCells.monthOf(cell), c -> new HashMap<>()).merge(counter, value, Long::sum);
            }));
        });
        List<Difference> differences = new ArrayList<>();
        long cells = compare("day", days, stored(generation.days()), differences)
                + compare("month", months, stored(generation.months()), differences);
        return new Report(generation.number(), clock.instant(), factCount[0], cells, differences.isEmpty(), differences);
    }

    private Map<String, Map<String, Long>> stored(String collection) {
        Map<String, Map<String, Long>> cells = new HashMap<>();
        for (Document cell : mongo.getCollection(collection).find()) {
            Map<String, Long> counters = new HashMap<>();
            Document n = cell.get(StatisticCells.COUNTERS, Document.class);
            if (n != null) {
                n.forEach((counter, value) -> counters.put(counter, ((Number) value).longValue()));
            }
            cells.put(cell.getString("_id"), counters);
        }
        return cells;
    }

    private static long compare(String level, Map<String, Map<String, Long>> expected,
                                Map<String, Map<String, Long>> actual, List<Difference> differences) {
        Set<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            Map<String, Long> want = expected.getOrDefault(id, Map.of());
            Map<String, Long> have = actual.getOrDefault(id, Map.of());
            Set<String> counters = new TreeSet<>(want.keySet());
            counters.addAll(have.keySet());
            String[] parts = id.split("\\|", -1);
            for (String counter : counters) {
                long w = want.getOrDefault(counter, 0L);
                long h = have.getOrDefault(counter, 0L);
                if (w != h) {
                    differences.add(new Difference(level, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                            parts[6], counter, w, h));
                }
            }
        }
        return ids.size();
    }
}
