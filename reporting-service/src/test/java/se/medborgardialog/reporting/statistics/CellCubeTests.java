package se.medborgardialog.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.reporting.aggregates.CellChanges;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.facts.CountingProperties;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;

/**
 * The in-memory cube answers exactly as the store did (the reference {@link StoredCellsQuery}), over random cells
 * written as the consumers write them and random queries, and follows cell changes made after it loaded.
 */
class CellCubeTests {

    private static final String[] TYPES = {"SYNPUNKT", "FELANMALAN", "E_FORSLAG", "AVVIKELSE"};
    private static final String[] KINDS = {"BEROM", "KLAGOMAL", "FORSLAG", "FRAGA"};
    private static final String[] UNITS = {"stadsmiljo", "bygg-och-miljo", "utbildning", "omsorg"};
    private static final Map<String, String> NAMNDER = Map.of("stadsmiljo", "samhallsbyggnadsnamnden",
            "bygg-och-miljo", "samhallsbyggnadsnamnden", "utbildning", "barn-och-utbildningsnamnden",
            "omsorg", "vard-och-omsorgsnamnden");
    private static final String[] CATEGORIES = {"gata-och-trafik", "park-och-natur", "skolskjuts"};
    private static final String[] CHANNELS = {"WEB", "BREV", "TELEFON"};
    private static final String[][] GUARANTEES = {{"TJANSTEGARANTI", "gatubelysning-3-veckor"},
            {"RIKTLINJE", "synpunkt-svar-2-arbetsdagar"}, {"LAGKRAV", "bygglov-10-veckor"}};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final MongoTemplate mongo;
    private final StatisticCells cells;
    private final Generations generations;
    private final AggregateStatistics statistics;
    private final StoredCellsQuery reference;

    CellCubeTests() {
        String database = "cube-tests-" + System.nanoTime();
        mongo = new MongoTemplate(MongoClients.create(InProcessMongo.uri(database)), database);
        cells = new StatisticCells(mongo, clock);
        generations = new Generations(mongo);
        statistics = new AggregateStatistics(new CellCube(mongo, generations, clock),
                new CountingProperties("Exempelkommun", NAMNDER, new CountingProperties.Calendar(List.of())),
                new StatisticsProperties(Period.ofYears(3), 5));
        reference = new StoredCellsQuery(mongo, statistics);
    }

    @Test
    void answersEveryRandomQueryExactlyAsTheStoreDid() {
        Random random = new Random(6);
        writeCases(random, 300, generations.active());

        int answered = 0;
        int suppressing = 0;
        for (int i = 0; i < 250; i++) {
            StatisticsReport report = assertSameAnswer(randomQuery(random));
            answered += report.rows().isEmpty() ? 0 : 1;
            suppressing += report.rows().stream().anyMatch(row -> !row.suppressed().isEmpty()) ? 1 : 0;
        }
        assertThat(answered).as("queries with rows").isGreaterThan(100);
        assertThat(suppressing).as("queries with suppressed cells").isGreaterThan(30);
    }

    @Test
    void seesACellChangeMadeAfterItLoadedInTheNextQuery() {
        Random random = new Random(7);
        writeCases(random, 50, generations.active());
        AggregateQuery year = new AggregateQuery(PeriodLength.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of(Dimension.UNIT, "omsorg"), List.of(Dimension.CHANNEL), UnitScope.all(), false);
        long before = statistics.query(year).totals().counts().get("received");

        cells.apply("late:1", Map.of("2026-05-05|AVVIKELSE||aldreomsorg|omsorg|vard-och-omsorgsnamnden|BESOK",
                Map.of("received", 3L, "av:LEX_SARAH:reported", 3L)), generations.active());

        StatisticsReport after = statistics.query(year);
        assertThat(after.totals().counts().get("received")).isEqualTo(before + 3);
        assertThat(after.rows()).anySatisfy(row -> assertThat(row.group()).containsEntry("channel", "BESOK"));
        assertSameAnswer(year);
    }

    @Test
    void reloadsEverythingWhenItsClockSaysItHasNotFollowedTheFeedForNineMinutes() {
        Random random = new Random(9);
        writeCases(random, 50, generations.active());
        AggregateQuery year = new AggregateQuery(PeriodLength.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of(), List.of(), UnitScope.all(), false);
        long before = statistics.query(year).totals().counts().get("received");
        // a change whose feed entry this instance never sees (as if trimmed while it was not refreshing)
        cells.apply("unseen:1", Map.of("2026-05-05|AVVIKELSE||aldreomsorg|omsorg|vard-och-omsorgsnamnden|BESOK",
                Map.of("received", 2L)), generations.active());
        mongo.getCollection(CellChanges.COLLECTION).deleteMany(new Document());

        clock.advance(Duration.ofMinutes(8));
        assertThat(statistics.query(year).totals().counts().get("received")).as("followed the feed only").isEqualTo(before);

        clock.advance(Duration.ofMinutes(9).plusSeconds(1));
        assertThat(statistics.query(year).totals().counts().get("received")).as("reloaded").isEqualTo(before + 2);
    }

    @Test
    void answersFromTheNewGenerationOnceARebuildSwaps() {
        Random random = new Random(8);
        writeCases(random, 100, generations.active());
        AggregateQuery all = new AggregateQuery(PeriodLength.QUARTER, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                Map.of(), List.of(Dimension.CASE_TYPE), UnitScope.all(), true);
        statistics.query(all);

        Generation rebuilt = generations.beginBuilding();
        writeCases(random, 40, rebuilt);
        generations.swap(rebuilt);

        assertThat(statistics.query(all)).isEqualTo(reference.query(all, rebuilt));
    }

    private StatisticsReport assertSameAnswer(AggregateQuery query) {
        StatisticsReport fast = statistics.query(query);
        StatisticsReport stored = reference.query(query, generations.active());
        assertThat(fast).as("%s", query).isEqualTo(stored);
        assertThat(fast.toString()).as("order of %s", query).isEqualTo(stored.toString());
        return fast;
    }

    /**
     * Cases as the consumers leave them: each case's contributions on the days of its own events (small counts, so a
     * public export suppresses), and one in five forwarded later, which moves its counts to another unit's cells.
     */
    private void writeCases(Random random, int cases, Generation generation) {
        for (int c = 0; c < cases; c++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            String kind = type.equals("SYNPUNKT") ? KINDS[random.nextInt(KINDS.length)] : "";
            String unit = UNITS[random.nextInt(UNITS.length)];
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            LocalDate received = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            Map<LocalDate, Map<String, Long>> byDay = contributions(random, type, received);
            String token = "case-" + c + "-" + generation.number();
            cells.apply(token + ":1", cellsOf(byDay, type, kind, category, unit, channel, 1), generation);
            if (random.nextInt(5) == 0) {
                String to = UNITS[random.nextInt(UNITS.length)];
                Map<String, Map<String, Long>> moved = new TreeMap<>(cellsOf(byDay, type, kind, category, unit, channel, -1));
                cellsOf(byDay, type, kind, category, to, channel, 1).forEach((cell, counters) ->
                        moved.merge(cell, counters, (a, b) -> sum(a, b)));
                cells.apply(token + ":2", moved, generation);
            }
        }
    }

    private static Map<LocalDate, Map<String, Long>> contributions(Random random, String type, LocalDate received) {
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        long n = 1 + random.nextInt(3);
        add(byDay, received, "received", n);
        if (random.nextBoolean()) {
            LocalDate answered = received.plusDays(random.nextInt(20));
            add(byDay, answered, "answered", n);
            if (random.nextInt(3) > 0) {
                add(byDay, answered, "answeredWithinDeadline", n);
            }
            add(byDay, answered, "fa_wd:" + random.nextInt(8), n);
            add(byDay, answered, "fa_h:" + random.nextInt(60), n);
        }
        if (random.nextInt(3) > 0) {
            add(byDay, received.plusDays(random.nextInt(60)), "closed", n);
            if (random.nextInt(6) == 0) {
                add(byDay, received.plusDays(60 + random.nextInt(10)), "reopened", 1);
            }
        }
        String[] guarantee = GUARANTEES[random.nextInt(GUARANTEES.length)];
        String outcome = random.nextInt(4) == 0 ? "breached" : "met";
        add(byDay, received.plusDays(random.nextInt(30)), "g:" + guarantee[0] + ":" + guarantee[1] + ":" + outcome, 1);
        if (outcome.equals("breached") && random.nextBoolean()) {
            add(byDay, received.plusDays(30), "g:" + guarantee[0] + ":" + guarantee[1] + ":compensated", 1);
        }
        if (type.equals("AVVIKELSE")) {
            String law = random.nextBoolean() ? "LEX_SARAH" : "LEX_MARIA";
            add(byDay, received, "av:" + law + ":reported", 1);
            add(byDay, received.plusDays(5), "av:" + law + ":" + (random.nextInt(4) == 0 ? "serious" : "notSerious"), 1);
            if (random.nextInt(5) == 0) {
                add(byDay, received.plusDays(9), "av:" + law + ":ivo", 1);
            }
        }
        if (type.equals("E_FORSLAG")) {
            add(byDay, received, "ef:submitted", 1);
            add(byDay, received.plusDays(2), "ef:published", 1);
            add(byDay, received.plusDays(40), "ef:signatures", random.nextInt(300));
        }
        return byDay;
    }

    private static void add(Map<LocalDate, Map<String, Long>> byDay, LocalDate day, String counter, long value) {
        byDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(counter, value, Long::sum);
    }

    private static Map<String, Map<String, Long>> cellsOf(Map<LocalDate, Map<String, Long>> byDay, String type, String kind,
                                                         String category, String unit, String channel, long sign) {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        byDay.forEach((day, counters) -> {
            Map<String, Long> signed = new TreeMap<>();
            counters.forEach((counter, value) -> signed.put(counter, sign * value));
            cells.put(String.join("|", day.toString(), type, kind, category, unit, NAMNDER.get(unit), channel), signed);
        });
        return cells;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((counter, value) -> sum.merge(counter, value, Long::sum));
        return sum;
    }

    private static AggregateQuery randomQuery(Random random) {
        PeriodLength period = PeriodLength.values()[random.nextInt(PeriodLength.values().length)];
        LocalDate from = LocalDate.of(2024, 12, 1).plusDays(random.nextInt(790));
        LocalDate to = from.plusDays(random.nextInt(period.wholeMonths() ? 700 : 120));
        Map<Dimension, String> filters = new HashMap<>();
        if (random.nextInt(3) == 0) {
            filters.put(Dimension.CASE_TYPE, TYPES[random.nextInt(TYPES.length)]);
        }
        if (random.nextInt(4) == 0) {
            filters.put(Dimension.KIND, random.nextInt(5) == 0 ? "" : KINDS[random.nextInt(KINDS.length)]);
        }
        if (random.nextInt(4) == 0) {
            filters.put(Dimension.UNIT, UNITS[random.nextInt(UNITS.length)]);
        }
        if (random.nextInt(4) == 0) {
            filters.put(Dimension.NAMND, random.nextInt(6) == 0 ? "okand-namnd" : NAMNDER.get(UNITS[random.nextInt(UNITS.length)]));
        }
        if (random.nextInt(5) == 0) {
            filters.put(Dimension.CATEGORY, CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }
        if (random.nextInt(5) == 0) {
            filters.put(Dimension.CHANNEL, CHANNELS[random.nextInt(CHANNELS.length)]);
        }
        List<Dimension> groupBy = new ArrayList<>(List.of(Dimension.values()));
        java.util.Collections.shuffle(groupBy, random);
        groupBy = groupBy.subList(0, random.nextInt(3));
        UnitScope scope = random.nextInt(4) == 0
                ? UnitScope.only(new java.util.HashSet<>(List.of(UNITS[random.nextInt(UNITS.length)], UNITS[random.nextInt(UNITS.length)])))
                : UnitScope.all();
        return new AggregateQuery(period, from, to, filters, groupBy, scope, random.nextBoolean());
    }
}
