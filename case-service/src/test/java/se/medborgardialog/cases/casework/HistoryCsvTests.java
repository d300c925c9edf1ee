package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCsvTests {

    @Test
    void writesUtf8WithABomSemicolonsAndStockholmTimes() {
        byte[] csv = HistoryCsv.render(List.of(
                new HistoryEntry("registrerat som 2026-000123 hos stadsmiljo", "system",
                        Instant.parse("2026-11-23T10:00:00Z")),
                new HistoryEntry("avslutat: åtgärdat", "anna", Instant.parse("2026-07-01T22:30:00Z"))));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("tidpunkt;vem;vad\r\n"
                + "2026-11-23 11:00;system;registrerat som 2026-000123 hos stadsmiljo\r\n"
                + "2026-07-02 00:30;anna;avslutat: åtgärdat\r\n");
    }

    @Test
    void quotesFieldsThatNeedItAndDisarmsFormulas() {
        assertThat(HistoryCsv.field("a;b")).isEqualTo("\"a;b\"");
        assertThat(HistoryCsv.field("sa \"hej\"")).isEqualTo("\"sa \"\"hej\"\"\"");
        assertThat(HistoryCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(HistoryCsv.field("-1")).isEqualTo("'-1");
        assertThat(HistoryCsv.field("anna")).isEqualTo("anna");
    }
}
