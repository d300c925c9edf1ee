package se.medborgardialog.benchmark.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * sla-service's breach detection (ClockBenchmark's latest result in {@code benchmark/results}: the one with the most
 * open clocks) beside Flowable's at the same burst. Fired per second is computed the same way for both: the burst's
 * size over the time from the due instant to the last breach.
 */
final class BreachComparison {

    private BreachComparison() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compare(Path results, Map<String, Object> flowable) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> ours = null;
        String file = null;
        try (Stream<Path> files = Files.exists(results) ? Files.list(results) : Stream.empty()) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("clock-benchmark.*\\.json")).sorted().toList()) {
                Map<String, Object> r = JsonMapper.builder().build().readValue(f.toFile(), Map.class);
                if (ours == null || ((Number) r.get("clocks")).longValue() > ((Number) ours.get("clocks")).longValue()) {
                    ours = r;
                    file = f.getFileName().toString();
                }
            }
        }
        Map<String, Object> burst = (Map<String, Object>) flowable.get("burst");
        if (ours == null || burst == null) {
            out.put("note", "no ClockBenchmark result in " + results + ": run ClockBenchmark first (README: sla-service, Scale)");
            return out;
        }
        long oursBurst = ((Number) ours.get("burst")).longValue();
        out.put("ours", "sla-service, ClockBenchmark (" + file + "): " + ours.get("burst") + " due at once among "
                + ours.get("clocks") + " open clocks, " + ours.get("machine"));
        out.put("flowable", "Flowable: " + flowable.get("clocks") + " due at once among "
                + (((Number) flowable.get("clocks")).longValue() + ((Number) flowable.get("openClocksBesides")).longValue())
                + " open clocks (this run)");
        out.put("sameBurstSize", oursBurst == ((Number) flowable.get("clocks")).longValue());
        for (String p : new String[] {"P50", "P95", "P99", "Max"}) {
            long o = ((Number) ours.get("lag" + p + "Millis")).longValue();
            long f = ((Number) burst.get("lagMillis" + p)).longValue();
            out.put("lag" + p + "MillisOurs", o);
            out.put("lag" + p + "MillisFlowable", f);
            out.put("lag" + p + "FlowableOverOurs", o <= 0 ? null : Math.round(100.0 * f / o) / 100.0);
        }
        long oursMax = ((Number) ours.get("lagMaxMillis")).longValue();
        long oursPerSecond = Math.round(oursBurst / Math.max(0.001, oursMax / 1000.0));
        out.put("firedPerSecondOurs", oursPerSecond);
        out.put("firedPerSecondFlowable", burst.get("firedPerSecond"));
        out.put("firedPerSecondOursOverFlowable", Math.round(100.0 * oursPerSecond
                / Math.max(1, ((Number) burst.get("firedPerSecond")).doubleValue())) / 100.0);
        return out;
    }
}
