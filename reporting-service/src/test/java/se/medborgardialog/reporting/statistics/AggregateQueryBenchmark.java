package se.medborgardialog.reporting.statistics;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.embeddedstore.IdIndexedMemoryBackend;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.CountingProperties;

/**
 * Not a test (not run by {@code mvn verify}): fills the in-process store with the daily and monthly cells that 10 million
 * events leave (three years, 2025–2027, of about 2 million cases of every kind over realistic dimension combinations),
 * loads them into the query's in-memory cube (the store runs in a JVM of its own, as in the local stack, so its
 * garbage collection is not the query's), then runs a mix of statisticians' queries round after round — with one
 * new case's cells written through {@link StatisticCells} (and so followed through the change feed) before each
 * round — and prints p50, p95, p99 and max per query and over all. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl reporting-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/cp.txt) \
 *   se.medborgardialog.reporting.statistics.AggregateQueryBenchmark
 * </pre>
 */
public final class AggregateQueryBenchmark {

    private static final String[] TYPES = {"SYNPUNKT", "FELANMALAN", "E_FORSLAG", "AVVIKELSE"};
    private static final String[] KINDS = {"BEROM", "KLAGOMAL", "FORSLAG", "FRAGA"};
    private static final String[][] CATEGORIES = {{"gata-och-trafik", "stadsmiljo"}, {"park-och-natur", "stadsmiljo"},
            {"skola-och-forskola", "utbildning"}, {"aldreomsorg", "omsorg"}, {"bygglov", "bygg-och-miljo"},
            {"kultur-och-fritid", "kultur-och-fritid"}, {"ovrigt", "medborgarservice"}, {"gatubelysning", "stadsmiljo"}};
    private static final String[] CHANNELS = {"WEB", "APP", "E_POST", "BREV", "TELEFON", "BESOK"};
    private static final Map<String, String> NAMNDER = Map.of("stadsmiljo", "samhallsbyggnadsnamnden",
            "bygg-och-miljo", "samhallsbyggnadsnamnden", "utbildning", "barn-och-utbildningsnamnden",
            "omsorg", "vard-och-omsorgsnamnden", "kultur-och-fritid", "kultur-och-fritidsnamnden",
            "medborgarservice", "kommunstyrelsen");
    private static final String SBN = "samhallsbyggnadsnamnden";
    private static final int ROUNDS = 200;

    private AggregateQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--store")) {
            new MongoServer(new IdIndexedMemoryBackend()).bind("127.0.0.1", Integer.parseInt(args[1]));
            System.out.println("store ready");
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
                "-cp", System.getProperty("java.class.path"), AggregateQueryBenchmark.class.getName(), "--store",
                Integer.toString(port)).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(store::destroy));
        BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); !"store ready".equals(line); line = output.readLine()) {
            if (line == null) {
                throw new IllegalStateException("The store did not start");
            }
        }
        Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "store-output"); // its log, unread
        drain.setDaemon(true);
        drain.start();
        String uri = "mongodb://127.0.0.1:" + port + "/benchmark";
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri), "benchmark");
        Generation generation = new Generation(0);
        long started = System.nanoTime();
        long events = fill(mongo, generation, 10_000_000L);
        System.out.printf("cells of %,d events written in %.1f s: %,d daily, %,d monthly%n", events,
                (System.nanoTime() - started) / 1e9, mongo.getCollection(generation.days()).countDocuments(),
                mongo.getCollection(generation.months()).countDocuments());

        Generations generations = new Generations(mongo);
        CellCube cube = new CellCube(mongo, generations, Clock.systemUTC());
        AggregateStatistics statistics = new AggregateStatistics(cube,
                new CountingProperties("Exempelkommun", NAMNDER, new CountingProperties.Calendar(List.of())),
                new StatisticsProperties(Period.ofYears(3), 5));
        long loading = System.nanoTime();
        cube.current();
        double loaded = (System.nanoTime() - loading) / 1e9;
        System.gc();
        System.out.printf("cube loaded in %.1f s; heap in use after a collection %,d MB%n", loaded,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Map<Dimension, String> sbnKlagomal = Map.of(Dimension.NAMND, SBN, Dimension.KIND, "KLAGOMAL");
        List<String> names = new ArrayList<>();
        List<AggregateQuery> queries = new ArrayList<>();
        BiConsumer<String, AggregateQuery> mix = (name, query) -> {
            names.add(name);
            queries.add(query);
        };
        mix.accept("year per month, namnd x kind, by unit", new AggregateQuery(PeriodLength.MONTH, from, to, sbnKlagomal,
                List.of(Dimension.UNIT), UnitScope.all(), false));
        mix.accept("year per month, namnd x kind, by unit, public", new AggregateQuery(PeriodLength.MONTH, from, to, sbnKlagomal,
                List.of(Dimension.UNIT), UnitScope.all(), true));
        mix.accept("year, namnd x kind, public", new AggregateQuery(PeriodLength.YEAR, from, to, sbnKlagomal,
                List.of(), UnitScope.all(), true));
        mix.accept("units compared, year (all units)", new AggregateQuery(PeriodLength.YEAR, from, to, Map.of(),
                List.of(Dimension.UNIT), UnitScope.all(), false));
        mix.accept("year per quarter, namnd, by category", new AggregateQuery(PeriodLength.QUARTER, from, to,
                Map.of(Dimension.NAMND, SBN), List.of(Dimension.CATEGORY), UnitScope.all(), false));
        mix.accept("year per quarter, namnd, by category, public", new AggregateQuery(PeriodLength.QUARTER, from, to,
                Map.of(Dimension.NAMND, SBN), List.of(Dimension.CATEGORY), UnitScope.all(), true));
        mix.accept("whole municipality, year per month", new AggregateQuery(PeriodLength.MONTH, from, to, Map.of(),
                List.of(), UnitScope.all(), false));
        mix.accept("whole municipality, year, by case type, public", new AggregateQuery(PeriodLength.YEAR, from, to,
                Map.of(), List.of(Dimension.CASE_TYPE), UnitScope.all(), true));
        mix.accept("manager: quarter per week, her two units", new AggregateQuery(PeriodLength.WEEK,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), Map.of(), List.of(Dimension.UNIT),
                UnitScope.only(Set.of("stadsmiljo", "bygg-och-miljo")), false));
        mix.accept("year per day, namnd x kind (day cells)", new AggregateQuery(PeriodLength.DAY, from, to, sbnKlagomal,
                List.of(), UnitScope.all(), false));

        StatisticCells cells = new StatisticCells(mongo, Clock.systemUTC());
        long[][] times = new long[queries.size()][ROUNDS];
        long[][] cpus = new long[queries.size()][ROUNDS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] follows = new long[ROUNDS];
        long[] checks = new long[ROUNDS];
        long[] writes = new long[ROUNDS];
        StatisticsReport[] reports = new StatisticsReport[queries.size()];
        for (int round = -20; round < ROUNDS; round++) { // 20 rounds of warm-up
            String cell = "2026-06-" + String.format("%02d", 1 + Math.floorMod(round, 28))
                    + "|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|" + SBN + "|WEB";
            long writing = System.nanoTime();
            cells.apply("benchmark:" + round, Map.of(cell, Map.of("received", 1L, "fa_wd:1", 1L, "answered", 1L)),
                    generation);
            long following = System.nanoTime();
            cube.current(); // what the background refresh does each second: re-read the changed cells
            long checking = System.nanoTime();
            cube.current(); // what every query does first: find nothing new
            if (round >= 0) {
                writes[round] = following - writing;
                follows[round] = checking - following;
                checks[round] = System.nanoTime() - checking;
            }
            for (int q = 0; q < queries.size(); q++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                reports[q] = statistics.query(queries.get(q));
                if (round >= 0) {
                    times[q][round] = System.nanoTime() - t;
                    cpus[q][round] = threads.getCurrentThreadCpuTime() - cpu;
                }
            }
        }
        long[] all = new long[queries.size() * ROUNDS];
        long[] allCpu = new long[queries.size() * ROUNDS];
        System.out.printf("%-52s %6s %10s %8s %8s %8s %8s %8s %8s%n", "query (2026; rows, received)", "rows", "received",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "cpu p50", "cpu p99");
        for (int q = 0; q < queries.size(); q++) {
            System.arraycopy(times[q], 0, all, q * ROUNDS, ROUNDS);
            System.arraycopy(cpus[q], 0, allCpu, q * ROUNDS, ROUNDS);
            Long received = reports[q].totals().counts().get("received");
            print(names.get(q), reports[q].rows().size(), received, times[q], cpus[q]);
        }
        print("all " + all.length + " queries", -1, null, all, allCpu);
        print("(following one change: re-read its 2 cells)", -1, null, follows);
        print("(each query's check: generation, feed)", -1, null, checks);
        print("(writing one change's 2 cells and its entry)", -1, null, writes);
        System.exit(0);
    }

    private static void print(String name, int rows, Long received, long[] times) {
        print(name, rows, received, times, null);
    }

    /** Wall-clock figures, and with {@code cpu} the query thread's own CPU time (what the load of others leaves out). */
    private static void print(String name, int rows, Long received, long[] times, long[] cpu) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s %6s %10s %8.1f %8.1f %8.1f %8.1f", name, rows < 0 ? "" : rows,
                received == null ? "" : received, quantile(sorted, 0.5), quantile(sorted, 0.95), quantile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
        if (cpu != null) {
            long[] cpuSorted = cpu.clone();
            Arrays.sort(cpuSorted);
            System.out.printf(" %8.1f %8.1f", quantile(cpuSorted, 0.5), quantile(cpuSorted, 0.99));
        }
        System.out.println();
    }

    /** Nearest rank, in milliseconds. */
    private static double quantile(long[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
    }

    /** Writes the cells directly (as the streams would leave them) and answers how many events they stand for. */
    private static long fill(MongoTemplate mongo, Generation generation, long targetEvents) {
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate last = LocalDate.of(2027, 12, 31);
        long perDay = targetEvents / 1095 / 5; // about five counted events per case
        long events = 0;
        MongoCollection<Document> dayCells = mongo.getCollection(generation.days());
        Map<String, Document> monthCells = new HashMap<>();
        List<Document> batch = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Map<String, Map<String, Long>> cells = new HashMap<>();
            for (long c = 0; c < perDay; c++) {
                String type = TYPES[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3)];
                String kind = type.equals("SYNPUNKT") ? KINDS[random.nextInt(4)] : "";
                String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                String id = String.join("|", day.toString(), type, kind, category[0], category[1],
                        NAMNDER.get(category[1]), channel);
                Map<String, Long> n = cells.computeIfAbsent(id, k -> new HashMap<>());
                n.merge("received", 1L, Long::sum);
                n.merge("answered", 1L, Long::sum);
                n.merge(random.nextInt(10) < 9 ? "answeredWithinDeadline" : "g:RIKTLINJE:synpunkt-svar-2-arbetsdagar:breached", 1L, Long::sum);
                n.merge("fa_wd:" + random.nextInt(4), 1L, Long::sum);
                n.merge("fa_h:" + random.nextInt(96), 1L, Long::sum);
                n.merge("closed", 1L, Long::sum);
                events += 5;
            }
            cells.forEach((id, n) -> {
                batch.add(cell(id, id.substring(0, 10), n));
                Document month = monthCells.computeIfAbsent(StatisticCells.monthOf(id),
                        m -> cell(m, m.substring(0, 7), new HashMap<>()));
                Document counters = month.get(StatisticCells.COUNTERS, Document.class);
                n.forEach((k, v) -> counters.put(k, counters.get(k) == null ? v : (Long) counters.get(k) + v));
            });
            if (batch.size() > 2_000) {
                dayCells.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            dayCells.insertMany(batch);
        }
        mongo.getCollection(generation.months()).insertMany(new ArrayList<>(monthCells.values()));
        return events;
    }

    private static Document cell(String id, String period, Map<String, Long> counters) {
        String[] parts = id.split("\\|", -1);
        Document cell = new Document("_id", id).append(StatisticCells.PERIOD, period);
        for (int i = 0; i < StatisticCells.DIMENSIONS.length; i++) {
            cell.append(StatisticCells.DIMENSIONS[i], parts[i + 1]);
        }
        return cell.append(StatisticCells.COUNTERS, new Document(new HashMap<>(counters)));
    }
}
