package se.medborgardialog.reporting.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.reporting.facts.CountingProperties;
import se.medborgardialog.reporting.statistics.AggregateQuery;
import se.medborgardialog.reporting.statistics.AggregateStatistics;
import se.medborgardialog.reporting.statistics.Dimension;
import se.medborgardialog.reporting.statistics.PeriodLength;
import se.medborgardialog.reporting.statistics.StatisticsReport;
import se.medborgardialog.reporting.statistics.UnitScope;

/**
 * Writes a förvaltning's årsberättelse from the aggregates' own queries (a year, the nämnd, grouped by case type and
 * kind, by category, and the synpunkter alone) for the year and the year before; it counts nothing itself.
 */
@Component
class Arsberattelser {

    static final String WITHIN_TWO_WORKING_DAYS = "firstAnswerWithinTwoWorkingDaysShare";

    private final AggregateStatistics statistics;
    private final CountingProperties counting;
    private final PageProperties names;

    Arsberattelser(AggregateStatistics statistics, CountingProperties counting, PageProperties names) {
        this.statistics = statistics;
        this.counting = counting;
        this.names = names;
    }

    Arsberattelse write(String namnd, int year, UnitScope scope) {
        StatisticsReport now = query(namnd, year, null, List.of(Dimension.CASE_TYPE, Dimension.KIND), scope);
        StatisticsReport before = query(namnd, year - 1, null, List.of(Dimension.CASE_TYPE, Dimension.KIND), scope);
        StatisticsReport synpunkter = query(namnd, year, CaseType.SYNPUNKT, List.of(), scope);
        StatisticsReport synpunkterBefore = query(namnd, year - 1, CaseType.SYNPUNKT, List.of(), scope);
        StatisticsReport categories = query(namnd, year, null, List.of(Dimension.CATEGORY), scope);
        return new Arsberattelse(counting.municipality(), namnd, names.name(namnd), year, year - 1, !scope.everyUnit(),
                volumes(now, before), volume("Totalt", received(now.totals()), received(before.totals())),
                List.of(compliance("Synpunkter besvarade inom två arbetsdagar", synpunkter.totals(),
                                synpunkterBefore.totals(), WITHIN_TWO_WORKING_DAYS),
                        compliance("Ärenden besvarade inom sin tidsgräns", now.totals(), before.totals(),
                                "answeredWithinDeadlineShare")),
                guarantees(now, before), avvikelser(now.totals()), topCategories(categories));
    }

    private StatisticsReport query(String namnd, int year, CaseType caseType, List<Dimension> groupBy, UnitScope scope) {
        Map<Dimension, String> filters = new LinkedHashMap<>();
        filters.put(Dimension.NAMND, namnd);
        if (caseType != null) {
            filters.put(Dimension.CASE_TYPE, caseType.name());
        }
        return statistics.query(new AggregateQuery(PeriodLength.YEAR, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), filters, groupBy, scope, false));
    }

    private static List<Arsberattelse.Volume> volumes(StatisticsReport now, StatisticsReport before) {
        Map<List<String>, long[]> byKind = new LinkedHashMap<>();
        for (StatisticsReport.Row row : now.rows()) {
            byKind.computeIfAbsent(kindOf(row), k -> new long[2])[0] += received(row);
        }
        for (StatisticsReport.Row row : before.rows()) {
            byKind.computeIfAbsent(kindOf(row), k -> new long[2])[1] += received(row);
        }
        List<Arsberattelse.Volume> volumes = new ArrayList<>();
        byKind.entrySet().stream()
                .filter(entry -> entry.getValue()[0] != 0 || entry.getValue()[1] != 0)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((List<String> k) -> order(k.get(0)))
                        .thenComparing(k -> k.get(1))))
                .forEach(entry -> volumes.add(volume(Labels.caseTypeAndKind(entry.getKey().get(0), entry.getKey().get(1)),
                        entry.getValue()[0], entry.getValue()[1])));
        return volumes;
    }

    private static int order(String caseType) {
        try {
            return CaseType.valueOf(caseType).ordinal();
        } catch (IllegalArgumentException e) {
            return CaseType.values().length;
        }
    }

    private static List<String> kindOf(StatisticsReport.Row row) {
        return List.of(row.group().getOrDefault("caseType", ""), row.group().getOrDefault("kind", ""));
    }

    static Arsberattelse.Volume volume(String label, long now, long before) {
        return new Arsberattelse.Volume(label, now, before, SwedishNumbers.count(now), SwedishNumbers.count(before),
                SwedishNumbers.signedCount(now - before), SwedishNumbers.changePercent(before, now));
    }

    private static Arsberattelse.Compliance compliance(String rule, StatisticsReport.Row now, StatisticsReport.Row before,
                                                       String figure) {
        BigDecimal share = now.figures().get(figure);
        BigDecimal previous = before.figures().get(figure);
        return new Arsberattelse.Compliance(rule, SwedishNumbers.count(count(now, "answered")),
                SwedishNumbers.percent(share), SwedishNumbers.percent(previous),
                SwedishNumbers.changePoints(previous, share));
    }

    private List<Arsberattelse.Guarantee> guarantees(StatisticsReport now, StatisticsReport before) {
        List<Arsberattelse.Guarantee> guarantees = new ArrayList<>();
        for (String id : new TreeSet<>(now.guarantees().keySet())) {
            String prefix = "guarantee:" + id + ":";
            guarantees.add(new Arsberattelse.Guarantee(names.name(id),
                    Labels.GUARANTEE_TYPES.getOrDefault(now.guarantees().get(id), ""),
                    SwedishNumbers.count(count(now.totals(), prefix + "met")),
                    SwedishNumbers.count(count(now.totals(), prefix + "breached")),
                    SwedishNumbers.count(count(now.totals(), prefix + "compensations")),
                    SwedishNumbers.percent(now.totals().figures().get(prefix + "metShare")),
                    SwedishNumbers.percent(before.totals().figures().get(prefix + "metShare"))));
        }
        return guarantees;
    }

    /** One sentence per law with any report: "19 lex Sarah-rapporter, ingen allvarlig nog för IVO". */
    static List<String> avvikelser(StatisticsReport.Row totals) {
        List<String> sentences = new ArrayList<>();
        for (LegalFlow flow : LegalFlow.values()) {
            String prefix = "avvikelser:" + flow.name() + ":";
            long reported = count(totals, prefix + "reported");
            long serious = count(totals, prefix + "serious");
            long ivo = count(totals, prefix + "ivoReported");
            if (reported == 0 && serious == 0 && ivo == 0) {
                continue;
            }
            String counted = SwedishNumbers.count(reported) + " " + (reported == 1 ? singular(flow) : plural(flow));
            boolean toIvo = flow == LegalFlow.LEX_SARAH || flow == LegalFlow.LEX_MARIA;
            if (!toIvo) {
                sentences.add(counted + (serious == 0 ? ", inget bedömt som allvarligt"
                        : ", varav " + SwedishNumbers.count(serious) + " bedömda som allvarliga"));
            } else if (ivo == 0 && serious == 0) {
                sentences.add(counted + ", ingen allvarlig nog för IVO");
            } else if (ivo == 0) {
                sentences.add(counted + ", varav " + SwedishNumbers.count(serious)
                        + (serious == 1 ? " bedömd som allvarlig" : " bedömda som allvarliga")
                        + ", ingen anmäld till IVO");
            } else {
                sentences.add(counted + ", varav " + SwedishNumbers.count(serious)
                        + (serious == 1 ? " bedömd som allvarlig" : " bedömda som allvarliga") + " och "
                        + SwedishNumbers.count(ivo) + (ivo == 1 ? " anmäld" : " anmälda") + " till IVO");
            }
        }
        if (sentences.isEmpty()) {
            sentences.add("Inga avvikelser rapporterades");
        }
        return sentences;
    }

    private static String singular(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "lex Sarah-rapport";
            case LEX_MARIA -> "lex Maria-händelse";
            case KRANKANDE_BEHANDLING -> "anmälan om kränkande behandling";
            case SKOLKLAGOMAL -> "klagomål på utbildningen";
        };
    }

    private static String plural(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "lex Sarah-rapporter";
            case LEX_MARIA -> "lex Maria-händelser";
            case KRANKANDE_BEHANDLING -> "anmälningar om kränkande behandling";
            case SKOLKLAGOMAL -> "klagomål på utbildningen";
        };
    }

    /** The five categories with the most received cases (ties by name), with their share of all received. */
    private List<Arsberattelse.Category> topCategories(StatisticsReport categories) {
        long all = received(categories.totals());
        return categories.rows().stream()
                .filter(row -> received(row) > 0)
                .sorted(Comparator.comparingLong((StatisticsReport.Row row) -> -received(row))
                        .thenComparing(row -> row.group().getOrDefault("category", "")))
                .limit(5)
                .map(row -> new Arsberattelse.Category(names.name(row.group().getOrDefault("category", "")),
                        SwedishNumbers.count(received(row)), SwedishNumbers.percent(all == 0 ? null
                                : BigDecimal.valueOf(received(row)).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP))))
                .toList();
    }

    private static long received(StatisticsReport.Row row) {
        return count(row, "received");
    }

    private static long count(StatisticsReport.Row row, String name) {
        Long value = row.counts().get(name);
        return value == null ? 0 : value;
    }
}
