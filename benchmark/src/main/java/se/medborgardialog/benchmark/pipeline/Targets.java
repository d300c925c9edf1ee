package se.medborgardialog.benchmark.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's targets against this run: at least 2,000 submissions/s sustained with p99 acknowledgement → case opened
 * under 500 ms, and at least 25 % of the raw broker throughput. "Sustained" is the best phase that acknowledged at least
 * 95 % of what it was offered (open loop) or any closed-loop phase, with its p99 under 500 ms.
 */
final class Targets {

    static final double SUBMISSIONS_PER_SECOND = 2000;
    static final long P99_CASE_OPENED_MILLIS = 500;
    static final double SHARE_OF_RAW = 0.25;

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> evaluate(Map<String, Object> result) {
        List<Map<String, Object>> phases = (List<Map<String, Object>>) result.getOrDefault("phases", List.of());
        double best = 0;
        double bestWithinP99 = 0;
        String bestPhase = "none";
        for (Map<String, Object> p : phases) {
            double rate = ((Number) p.get("acknowledgedPerSecond")).doubleValue();
            boolean sustained = !"open".equals(p.get("mode"))
                    || ((Number) p.get("acknowledged")).doubleValue() >= 0.95 * ((Number) p.get("sent")).doubleValue()
                            && ((Number) p.get("notSentClientCap")).longValue() == 0;
            if (!sustained) {
                continue;
            }
            if (rate > best) {
                best = rate;
                bestPhase = (String) p.get("phase");
            }
            long p99 = ((Number) p.get("ackToCaseOpenedMillisP99")).longValue();
            if (p99 >= 0 && p99 < P99_CASE_OPENED_MILLIS) {
                bestWithinP99 = Math.max(bestWithinP99, rate);
            }
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("sustainedPerSecond", Math.round(best * 10) / 10.0);
        t.put("sustainedPhase", bestPhase);
        t.put("sustainedWithP99CaseOpenedUnder500ms", Math.round(bestWithinP99 * 10) / 10.0);
        t.put("throughputTargetMet", bestWithinP99 >= SUBMISSIONS_PER_SECOND);
        Map<String, Object> raw = (Map<String, Object>) result.get("rawProducer");
        if (raw != null) {
            double rawRate = ((Number) raw.get("recordsPerSecond")).doubleValue();
            double ratio = rawRate <= 0 ? 0 : best / rawRate;
            t.put("shareOfRawProducer", Math.round(ratio * 1000) / 1000.0);
            t.put("shareOfRawTargetMet", ratio >= SHARE_OF_RAW);
        }
        return t;
    }
}
