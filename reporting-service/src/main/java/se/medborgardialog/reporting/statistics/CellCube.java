package se.medborgardialog.reporting.statistics;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import se.medborgardialog.reporting.aggregates.CellChanges;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.Contributions;

/**
 * An in-memory copy of the active generation's day and month cells, so a query rolls up cells in memory instead of
 * having the store scan every cell (the embedded store ignores non-unique indexes). It is loaded whole from the store
 * (in cursor batches) on the first refresh and after a rebuild's swap, and kept current by the {@link CellChanges}
 * feed that every instance's cell writes leave: each refresh re-reads, by id, the cells named by the entries it has
 * not seen yet. Every query refreshes first, so a cell written by any instance before the query is in its answer;
 * a background refresh each second keeps the work per query small and an idle instance within the feed's retention.
 */
@Component
class CellCube {

    private static final Logger log = LoggerFactory.getLogger(CellCube.class);
    /** How late an entry may become visible after its stamp (write latency and clock skew between instances). */
    static final long MARGIN_MILLIS = 60_000;
    /** How long entries stay in the feed; an instance whose last refresh is older than this less the margin reloads. */
    static final long RETENTION_MILLIS = 10 * 60_000;
    private static final int BATCH = 10_000;

    private final MongoTemplate mongo;
    private final Generations generations;
    private final CellChanges changes;
    private final Clock clock;
    private final Names names = new Names();
    private final Names values = new Names();
    /** One instance of each period start, shared by all cells. */
    private final Map<String, LocalDate> starts = new ConcurrentHashMap<>();
    private volatile Loaded loaded;
    private long lastTrim;
    private ScheduledExecutorService refresher;

    CellCube(MongoTemplate mongo, Generations generations, Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.clock = clock;
        this.changes = new CellChanges(mongo, clock);
    }

    /**
     * One cell: its period's first day, its dimensions (as {@link StatisticCells#DIMENSIONS}, numbered by
     * {@link Cells#values}), its counters (numbered by {@link Cells#names}) and what it adds to the backlog.
     */
    record Cell(LocalDate start, int[] dimensions, int[] counters, long[] values, long backlogChange) {
    }

    /** The cells of one generation; the maps are keyed by cell id, which starts with the period. */
    record Cells(Generation generation, NavigableMap<String, Cell> days, NavigableMap<String, Cell> months,
                 Names names, Names values) {

        /** The month cells of {@code from}'s through {@code to}'s month. */
        Collection<Cell> months(LocalDate from, LocalDate to) {
            return months.subMap(month(from), true, month(to) + "}", false).values();
        }

        /** The month cells before {@code from}'s month. */
        Collection<Cell> monthsBefore(LocalDate from) {
            return months.headMap(month(from), false).values();
        }

        /** The day cells from {@code from} through {@code to}. */
        Collection<Cell> days(LocalDate from, LocalDate to) {
            return days.subMap(from.toString(), true, to + "}", false).values(); // '}' sorts after the '|' that follows a date
        }

        /** The day cells from {@code from} up to (not including) {@code until}. */
        Collection<Cell> daysBetween(LocalDate from, LocalDate until) {
            return days.subMap(from.toString(), true, until.toString(), false).values();
        }

        private static String month(LocalDate date) {
            return date.toString().substring(0, 7);
        }
    }

    /**
     * Counter names or dimension values, numbered in the order first seen: a cell holds arrays of numbers, a filter
     * compares numbers and a rollup adds into one array.
     */
    static final class Names {

        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private final List<String> names = new CopyOnWriteArrayList<>();

        synchronized int number(String name) {
            Integer number = numbers.get(name);
            if (number == null) {
                number = names.size();
                names.add(name);
                numbers.put(name, number);
            }
            return number;
        }

        String name(int number) {
            return names.get(number);
        }

        /** The number of a name, or -1 if no cell has it. */
        int find(String name) {
            Integer number = numbers.get(name);
            return number == null ? -1 : number;
        }

        int size() {
            return names.size();
        }
    }

    private static final class Loaded {
        final Cells cells;
        long refreshedAt;
        final Map<ObjectId, Long> seen = new HashMap<>();

        Loaded(Cells cells, long refreshedAt) {
            this.cells = cells;
            this.refreshedAt = refreshedAt;
        }
    }

    /** The cells as of now: every cell change recorded before this call is in them. */
    synchronized Cells current() {
        Generation active = generations.active();
        long now = clock.millis();
        Loaded state = loaded;
        if (state == null || !state.cells.generation().equals(active)
                || now - state.refreshedAt > RETENTION_MILLIS - MARGIN_MILLIS) {
            state = load(active, now);
            loaded = state;
        } else {
            follow(state, now);
        }
        if (now - lastTrim > MARGIN_MILLIS) {
            changes.trim(now - RETENTION_MILLIS);
            lastTrim = now;
        }
        return state.cells;
    }

    private Loaded load(Generation generation, long now) {
        long started = System.nanoTime();
        NavigableMap<String, Cell> days = new ConcurrentSkipListMap<>();
        NavigableMap<String, Cell> months = new ConcurrentSkipListMap<>();
        for (Document document : mongo.getCollection(generation.days()).find().batchSize(BATCH)) {
            days.put(document.getString("_id"), cell(document));
        }
        for (Document document : mongo.getCollection(generation.months()).find().batchSize(BATCH)) {
            months.put(document.getString("_id"), cell(document));
        }
        log.info("Loaded {} day and {} month cells of generation {} in {} ms", days.size(), months.size(),
                generation.number(), (System.nanoTime() - started) / 1_000_000);
        return new Loaded(new Cells(generation, days, months, names, values), now);
    }

    /** Re-reads the cells named by the feed's entries not seen yet; forgets entries too old to be returned again. */
    private void follow(Loaded state, long now) {
        long since = state.refreshedAt - MARGIN_MILLIS;
        Set<String> days = new HashSet<>();
        Set<String> months = new HashSet<>();
        for (CellChanges.Change change : changes.since(state.cells.generation(), since)) {
            if (state.seen.putIfAbsent(change.id(), change.at()) == null) {
                days.addAll(change.days());
                months.addAll(change.months());
            }
        }
        reread(state.cells.generation().days(), days, state.cells.days());
        reread(state.cells.generation().months(), months, state.cells.months());
        state.seen.values().removeIf(at -> at < since);
        state.refreshedAt = now;
    }

    private void reread(String collection, Set<String> ids, NavigableMap<String, Cell> into) {
        MongoCollection<Document> cells = mongo.getCollection(collection);
        for (String id : ids) {
            Document document = cells.find(new Document("_id", id)).first();
            if (document == null) {
                into.remove(id);
            } else {
                into.put(id, cell(document));
            }
        }
    }

    private Cell cell(Document document) {
        String period = document.getString(StatisticCells.PERIOD);
        LocalDate start = starts.computeIfAbsent(period, p -> LocalDate.parse(p.length() == 7 ? p + "-01" : p));
        int[] dimensions = new int[StatisticCells.DIMENSIONS.length];
        for (int i = 0; i < dimensions.length; i++) {
            String value = document.getString(StatisticCells.DIMENSIONS[i]);
            dimensions[i] = values.number(value == null ? "" : value);
        }
        Document n = document.get(StatisticCells.COUNTERS, Document.class);
        int size = n == null ? 0 : n.size();
        int[] counters = new int[size];
        long[] values = new long[size];
        long backlogChange = 0;
        if (n != null) {
            int i = 0;
            for (Map.Entry<String, Object> counter : n.entrySet()) {
                counters[i] = names.number(counter.getKey());
                values[i] = ((Number) counter.getValue()).longValue();
                backlogChange += switch (counter.getKey()) {
                    case Contributions.RECEIVED, Contributions.REOPENED -> values[i];
                    case Contributions.CLOSED -> -values[i];
                    default -> 0;
                };
                i++;
            }
        }
        return new Cell(start, dimensions, counters, values, backlogChange);
    }

    /** Loads the cells at start and refreshes them each second in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "statistics-cube-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                current();
            } catch (RuntimeException e) {
                log.warn("Could not refresh the statistics cube: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stopRefreshing() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Adds cells' counters into one array indexed by counter number. */
    static final class Sum {

        private long[] values;
        private final Names names;

        Sum(Names names) {
            this.names = names;
            this.values = new long[Math.max(16, names.size())];
        }

        void add(Cell cell) {
            int[] counters = cell.counters();
            long[] add = cell.values();
            for (int i = 0; i < counters.length; i++) {
                if (counters[i] >= values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, counters[i] + 1));
                }
                values[counters[i]] += add[i];
            }
        }

        /** The non-zero sums by counter name (a counter whose cases all moved elsewhere sums to zero and is left out). */
        Map<String, Long> nonZero() {
            Map<String, Long> raw = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != 0) {
                    raw.put(names.name(i), values[i]);
                }
            }
            return raw;
        }
    }
}
