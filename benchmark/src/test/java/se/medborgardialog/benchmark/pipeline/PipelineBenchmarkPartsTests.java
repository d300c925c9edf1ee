package se.medborgardialog.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic: what it measures must be right before its figures mean anything. */
class PipelineBenchmarkPartsTests {

    @Test
    void personnummerHaveAValidCheckDigitAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 20_000; n++) {
            String pnr = Mix.personnummer(n);
            assertThat(pnr).matches("\\d{8}-\\d{4}");
            String ten = pnr.substring(2, 8) + pnr.substring(9);
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                int d = (ten.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
                sum += d > 9 ? d - 9 : d;
            }
            assertThat(sum % 10).as(pnr).isZero();
            assertThat(seen.add(pnr)).as(pnr).isTrue();
        }
    }

    @Test
    void percentilesAreNearestRank() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i);
        }
        assertThat(samples.summary("x")).containsEntry("xP50", 50L).containsEntry("xP95", 95L)
                .containsEntry("xP99", 99L).containsEntry("xMax", 100L).containsEntry("xCount", 100);
        assertThat(new Samples().percentile(99)).isEqualTo(-1);
    }

    @Test
    void aCaseCountsAtTheFirstPollWhoseTotalCoversItsRank() {
        List<long[]> polls = List.of(new long[] {1000, 10}, new long[] {1250, 11}, new long[] {1500, 13}, new long[] {1750, 13});
        long[] counted = StatisticsPoller.countedTimes(polls, 10, 4);
        assertThat(counted).containsExactly(1250, 1500, 1500, -1);
    }

    @Test
    void theReceivedTotalIsTakenFromTheTotalsNotSummedOverRows() {
        String body = "{\"rows\":[{\"counts\":{\"received\":7}},{\"counts\":{\"received\":5}}],"
                + "\"totals\":{\"counts\":{\"received\":12,\"answered\":0}}}";
        assertThat(StatisticsPoller.received(body)).isEqualTo(12);
        assertThat(StatisticsPoller.received("{\"rows\":[]}")).isEqualTo(-1);
    }

    @Test
    void theChartIsWellFormedSvg() throws Exception {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", "open 50/s");
        phase.put("mode", "open");
        phase.put("offeredPerSecond", 50.0);
        phase.put("acknowledgedPerSecond", 49.5);
        phase.put("ackMillisP50", 12L);
        phase.put("ackMillisP99", 80L);
        phase.put("ackToCaseOpenedMillisP50", 30L);
        phase.put("ackToCaseOpenedMillisP99", 400L);
        phase.put("ackToCountedMillisP99", 900L);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", "2 cores <test>");
        result.put("loadBefore", "1.0 1.0 1.0");
        result.put("phases", List.of(phase));
        String svg = Report.svg(result);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("open 50/s").contains("2 cores &lt;test&gt;");
    }
}
