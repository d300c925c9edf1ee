package se.medborgardialog.reporting.statistics;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.CountingProperties;

/**
 * Not a test (not run by {@code mvn verify}): fills the in-process store with the daily and monthly cells that 10 million
 * events leave (three years, 2025–2027, of about 2 million cases of every kind over realistic dimension combinations),
 * then times the statisticians' query "one year × one nämnd × one kind, per month, grouped by unit" and prints p50 and
 * p99. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl reporting-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/cp.txt) \
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

    private AggregateQueryBenchmark() {
    }

    public static void main(String[] args) {
        String uri = se.medborgardialog.testsupport.InProcessMongo.uri("benchmark");
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri), "benchmark");
        Generation generation = new Generation(0);
        long started = System.nanoTime();
        long events = fill(mongo, generation, 10_000_000L);
        System.out.printf("cells of %,d events written in %.1f s: %,d daily, %,d monthly%n", events,
                (System.nanoTime() - started) / 1e9, mongo.getCollection(generation.days()).countDocuments(),
                mongo.getCollection(generation.months()).countDocuments());

        AggregateStatistics statistics = new AggregateStatistics(mongo, new Generations(mongo),
                new CountingProperties("Exempelkommun", NAMNDER, new CountingProperties.Calendar(List.of())),
                new StatisticsProperties(Period.ofYears(3), 5));
        AggregateQuery query = new AggregateQuery(PeriodLength.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of(Dimension.NAMND, "samhallsbyggnadsnamnden", Dimension.KIND, "KLAGOMAL"),
                List.of(Dimension.UNIT), UnitScope.all(), false);
        AggregateQuery yearly = new AggregateQuery(PeriodLength.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of(Dimension.NAMND, "samhallsbyggnadsnamnden", Dimension.KIND, "KLAGOMAL"),
                List.of(), UnitScope.all(), true);
        for (AggregateQuery q : List.of(query, yearly)) {
            for (int i = 0; i < 30; i++) {
                statistics.query(q); // warm-up
            }
            long[] times = new long[200];
            StatisticsReport report = null;
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                report = statistics.query(q);
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            System.out.printf("%s × namnd × kind (groupBy %s, public %s): %d rows, received %s; p50 %.1f ms, p99 %.1f ms%n",
                    q.period(), q.groupBy(), q.publicExport(), report.rows().size(), report.totals().counts().get("received"),
                    times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6);
        }
        System.exit(0);
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
