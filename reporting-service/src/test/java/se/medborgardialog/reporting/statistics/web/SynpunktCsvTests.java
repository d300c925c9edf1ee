package se.medborgardialog.reporting.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.facts.Counts;
import se.medborgardialog.reporting.statistics.StatisticsRow;
import se.medborgardialog.reporting.statistics.SynpunktStatistics;

class SynpunktCsvTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void startsWithTheUtf8ByteOrderMarkThenTheSwedishHeaderSeparatedBySemicolons() {
        byte[] csv = SynpunktCsv.render(statistics());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text(csv)).startsWith("datum;typ;kategori;enhet;inkomna;besvarade;besvarade_i_tid;overskridna;oppna\r\n");
    }

    @Test
    void writesOneLinePerRowWithItsCounts() {
        String text = text(SynpunktCsv.render(statistics(
                new StatisticsRow(DAY, SynpunktKind.KLAGOMAL, "gata-och-trafik", "stadsmiljo", 3, 2, 2, 1, 1),
                new StatisticsRow(DAY, SynpunktKind.BEROM, "ovrigt", "medborgarservice", 1, 0, 0, 0, 1))));

        assertThat(text.split("\r\n")).containsExactly(
                "datum;typ;kategori;enhet;inkomna;besvarade;besvarade_i_tid;overskridna;oppna",
                "2026-11-23;KLAGOMAL;gata-och-trafik;stadsmiljo;3;2;2;1;1",
                "2026-11-23;BEROM;ovrigt;medborgarservice;1;0;0;0;1");
    }

    @Test
    void quotesValuesHoldingTheSeparatorOrQuotesAndDoublesTheQuotes() {
        String text = text(SynpunktCsv.render(statistics(
                new StatisticsRow(DAY, SynpunktKind.FRAGA, "gata;trafik", "enhet \"syd\"", 1, 0, 0, 0, 1))));

        assertThat(text).contains("2026-11-23;FRAGA;\"gata;trafik\";\"enhet \"\"syd\"\"\";1;0;0;0;1\r\n");
    }

    @Test
    void keepsSpreadsheetsFromRunningValuesAsFormulasAndKeepsSwedishLetters() {
        assertThat(SynpunktCsv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(SynpunktCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SynpunktCsv.field("äldreomsorg")).isEqualTo("äldreomsorg");
        assertThat(SynpunktCsv.field("")).isEmpty();
    }

    @Test
    void anEmptyResultIsJustTheHeader() {
        assertThat(text(SynpunktCsv.render(statistics())).split("\r\n")).hasSize(1);
    }

    private static SynpunktStatistics statistics(StatisticsRow... rows) {
        return new SynpunktStatistics(DAY, DAY, List.of(rows), Counts.NONE);
    }

    private static String text(byte[] csv) {
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }
}
