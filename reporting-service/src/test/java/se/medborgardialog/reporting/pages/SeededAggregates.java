package se.medborgardialog.reporting.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.reporting.security.StaffProperties;

/**
 * Aggregate cells written straight into the store, as the streams would have left them: 2025 and 2026 for the
 * samhällsbyggnadsnämnden (stadsmiljö, bygg och miljö), a lex Sarah year at vård och omsorg, a question at
 * medborgarservice (kommunstyrelsen) and a unit of another nämnd (utbildning).
 */
final class SeededAggregates {

    static final String SAMHALLSBYGGNAD = "samhallsbyggnadsnamnden";

    private SeededAggregates() {
    }

    static void seed(StatisticCells cells, Generations generations) {
        Map<String, Map<String, Long>> delta = new TreeMap<>();
        // 2026: 12 klagomål in March (10 answered, 8 within the deadline; 6 after one working day, 2 after two, 2 after five)
        delta.put("2026-03-10|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|" + SAMHALLSBYGGNAD + "|WEB", Map.of(
                "received", 12L, "answered", 10L, "answeredWithinDeadline", 8L,
                "fa_wd:1", 6L, "fa_wd:2", 2L, "fa_wd:5", 2L,
                "g:RIKTLINJE:synpunkt-svar-2-arbetsdagar:met", 8L, "g:RIKTLINJE:synpunkt-svar-2-arbetsdagar:breached", 2L));
        delta.put("2026-06-01|SYNPUNKT|BEROM|park-och-natur|stadsmiljo|" + SAMHALLSBYGGNAD + "|APP", Map.of("received", 5L));
        delta.put("2026-09-15|FELANMALAN||gatubelysning|bygg-och-miljo|" + SAMHALLSBYGGNAD + "|WEB", Map.of(
                "received", 7L, "g:TJANSTEGARANTI:gatubelysning-3-veckor:met", 6L,
                "g:TJANSTEGARANTI:gatubelysning-3-veckor:breached", 1L,
                "g:TJANSTEGARANTI:gatubelysning-3-veckor:compensated", 1L));
        // 2025: 10 klagomål, 5 beröm
        delta.put("2025-05-05|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|" + SAMHALLSBYGGNAD + "|WEB", Map.of(
                "received", 10L, "answered", 10L, "fa_wd:1", 7L, "fa_wd:4", 3L));
        delta.put("2025-05-06|SYNPUNKT|BEROM|park-och-natur|stadsmiljo|" + SAMHALLSBYGGNAD + "|WEB", Map.of("received", 5L));
        // other nämnder
        delta.put("2026-04-01|AVVIKELSE||aldreomsorg|omsorg|vard-och-omsorgsnamnden|WEB", Map.of(
                "received", 19L, "av:LEX_SARAH:reported", 19L, "av:LEX_SARAH:notSerious", 19L));
        delta.put("2026-02-02|SYNPUNKT|FRAGA|bibliotek|medborgarservice|kommunstyrelsen|TELEFON", Map.of("received", 3L));
        delta.put("2026-02-03|SYNPUNKT|KLAGOMAL|skolskjuts|utbildning|barn-och-utbildningsnamnden|WEB", Map.of("received", 4L));
        cells.apply("seed:1", delta, generations.active());
    }

    static StatisticsUser user(String username, String role, String... units) {
        return new StatisticsUser(new StaffProperties.User(username, "{noop}utveckling", List.of(role), Set.of(units)));
    }
}
