package se.medborgardialog.benchmark.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's Markdown table and its SVG chart (drawn here: no charting library). */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        StringBuilder md = new StringBuilder("# Pipeline benchmark\n\n");
        md.append("Machine: ").append(r.get("machine")).append(". Load average before ").append(r.get("loadBefore"))
                .append(", after ").append(r.get("loadAfter"))
                .append(" (other builds were running on the machine if these are above the core count: figures are not clean).")
                .append(" Run ").append(r.get("startedAt")).append(" – ").append(r.get("finishedAt")).append(".\n\n");
        md.append("Latencies in ms. *ack*: request due (open loop: its scheduled time) → intake's 2xx. *→ opened*, *→ scheduled*: ")
                .append("the client's time of the ack → the broker record timestamp (CreateTime, set by case-service resp. ")
                .append("sla-service when it sent) of the case's first CaseOpened / DeadlineScheduled. *→ counted*: ack → the ")
                .append("first statistics poll (every 250 ms) whose received total covered the case, by rank.\n\n");
        md.append("| phase | acked/s | acked | refused / not sent | ack p50 / p95 / p99 / max | → opened p50 / p95 / p99 / max"
                + " | → scheduled p50 / p99 | → counted p50 / p99 | CPU % of a core: intake, case, sla, reporting, kafka, store, client |\n");
        md.append("| --- | ---: | ---: | ---: | --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> p : (List<Map<String, Object>>) r.getOrDefault("phases", List.of())) {
            // status → count; the keys are numbers in a run and strings when read back from the JSON (--report-only)
            long refused = ((Map<Object, Number>) p.get("statuses")).entrySet().stream()
                    .filter(e -> !String.valueOf(e.getKey()).startsWith("2")).mapToLong(e -> e.getValue().longValue()).sum();
            md.append("| ").append(p.get("phase")).append(" | ").append(p.get("acknowledgedPerSecond")).append(" | ")
                    .append(p.get("acknowledged")).append(" | ").append(refused).append(" / ")
                    .append(((Number) p.get("notSentClientCap")).longValue() + ((Number) p.get("transportErrors")).longValue())
                    .append(" | ").append(four(p, "ackMillis")).append(" | ").append(four(p, "ackToCaseOpenedMillis"))
                    .append(" | ").append(p.get("ackToDeadlineScheduledMillisP50")).append(" / ")
                    .append(p.get("ackToDeadlineScheduledMillisP99")).append(" | ").append(orDash(p.get("ackToCountedMillisP50")))
                    .append(" / ").append(orDash(p.get("ackToCountedMillisP99"))).append(" | ").append(cpu(p)).append(" |\n");
        }
        md.append("\nPeak RSS (MiB) per process and phase: see `pipeline-benchmark.json` (`phases[].processes`).\n");
        for (Object note : (List<Object>) r.getOrDefault("notes", List.of())) {
            md.append("\n").append(note).append("\n");
        }
        Map<String, Object> raw = (Map<String, Object>) r.get("rawProducer");
        Map<String, Object> t = (Map<String, Object>) r.get("targets");
        if (raw != null) {
            md.append("\n**Raw producer** on the same broker, same settings (").append(raw.get("settings")).append("), ")
                    .append(raw.get("recordBytes")).append(" B records like intake's: **").append(raw.get("recordsPerSecond"))
                    .append(" records/s** (one sync send at a time, as intake does per request: ")
                    .append(raw.get("syncOneAtATimeRecordsPerSecond")).append("/s).");
        }
        if (t != null) {
            md.append(" Ours sustained: **").append(t.get("sustainedPerSecond")).append(" submissions/s** (")
                    .append(t.get("sustainedPhase")).append(")");
            if (t.containsKey("shareOfRawProducer")) {
                md.append(" = **").append(String.format(Locale.ROOT, "%.1f", 100 * ((Number) t.get("shareOfRawProducer")).doubleValue()))
                        .append(" %** of the raw producer (target ≥ 25 %: ").append(met(t.get("shareOfRawTargetMet"))).append(")");
            }
            md.append("; with p99 ack → case opened under 500 ms: ").append(t.get("sustainedWithP99CaseOpenedUnder500ms"))
                    .append("/s (target ≥ 2,000/s: ").append(met(t.get("throughputTargetMet"))).append(").\n");
        }
        Map<String, Object> b = (Map<String, Object>) r.get("breachDetection");
        Map<String, Object> f = (Map<String, Object>) r.get("flowable");
        if (f != null) {
            Map<String, Object> burst = (Map<String, Object>) f.get("burst");
            Map<String, Object> spread = (Map<String, Object>) f.get("spread");
            md.append("\n**Breach detection.** ").append(f.get("engine")).append(".\n\n");
            md.append("| | lag p50 | p95 | p99 | max | fired/s |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
            if (b != null && b.containsKey("lagP50MillisOurs")) {
                md.append("| ").append(b.get("ours")).append(" | ").append(b.get("lagP50MillisOurs")).append(" | ")
                        .append(b.get("lagP95MillisOurs")).append(" | ").append(b.get("lagP99MillisOurs")).append(" | ")
                        .append(b.get("lagMaxMillisOurs")).append(" | ").append(b.get("firedPerSecondOurs")).append(" |\n");
            }
            String when = String.valueOf(f.get("engine")).contains("flowable-timers.json") ? "its own run" : "this run";
            md.append("| Flowable, ").append(f.get("clocks")).append(" due at once (").append(when).append(") | ").append(burst.get("lagMillisP50"))
                    .append(" | ").append(burst.get("lagMillisP95")).append(" | ").append(burst.get("lagMillisP99")).append(" | ")
                    .append(burst.get("lagMillisMax")).append(" | ").append(burst.get("firedPerSecond")).append(" |\n");
            md.append("| Flowable, ").append(f.get("clocks")).append(" spread over ").append(f.get("spreadSeconds"))
                    .append(" s (").append(when).append(") | ").append(spread.get("lagMillisP50")).append(" | ").append(spread.get("lagMillisP95"))
                    .append(" | ").append(spread.get("lagMillisP99")).append(" | ").append(spread.get("lagMillisMax")).append(" | ")
                    .append(spread.get("firedPerSecond")).append(" |\n");
            if (b != null && b.containsKey("lagP99FlowableOverOurs")) {
                md.append("\nFlowable ÷ ours, burst: lag p50 ").append(b.get("lagP50FlowableOverOurs")).append("×, p99 ")
                        .append(b.get("lagP99FlowableOverOurs")).append("×, max ").append(b.get("lagMaxFlowableOverOurs"))
                        .append("×; ours fires ").append(b.get("firedPerSecondOursOverFlowable"))
                        .append("× as many per second. Ours is the Kafka record time of each DeadlineBreached minus its due")
                        .append(" time, Flowable's the breach service task's run minus the due time. Ours comes from ClockBenchmark's file: ")
                        .append(b.get("ours")).append(".\n");
            } else if (b != null) {
                md.append("\n").append(b.get("note")).append("\n");
            }
        }
        return md.toString();
    }

    private static Object orDash(Object value) {
        return value == null ? "–" : value;
    }

    private static String four(Map<String, Object> p, String prefix) {
        return p.get(prefix + "P50") + " / " + p.get(prefix + "P95") + " / " + p.get(prefix + "P99") + " / " + p.get(prefix + "Max");
    }

    @SuppressWarnings("unchecked")
    private static String cpu(Map<String, Object> p) {
        Map<String, Map<String, Object>> processes = (Map<String, Map<String, Object>>) p.get("processes");
        StringBuilder s = new StringBuilder();
        for (String name : new String[] {"intake-service", "case-service", "sla-service", "reporting-service", "kafka", "store",
            "benchmark client"}) {
            Map<String, Object> one = processes.get(name);
            s.append(s.length() == 0 ? "" : ", ").append(one == null ? "?" : one.get("cpuPercentOfOneCore"));
        }
        return s.toString();
    }

    private static String met(Object value) {
        return Boolean.TRUE.equals(value) ? "met" : "**missed**";
    }

    /** Left: acknowledged/s against offered/s (closed loop at the right edge). Right: latency percentiles per phase, log scale. */
    @SuppressWarnings("unchecked")
    static String svg(Map<String, Object> r) {
        List<Map<String, Object>> phases = (List<Map<String, Object>>) r.getOrDefault("phases", List.of());
        int w = 960;
        int h = 420;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"10\" y=\"20\" font-size=\"14\">Pipeline benchmark — ").append(esc(String.valueOf(r.get("machine"))))
                .append(", load ").append(esc(String.valueOf(r.get("loadBefore")))).append("</text>\n");
        // left panel: throughput
        int x0 = 60;
        int y0 = 370;
        int pw = 380;
        int ph = 300;
        double max = 1;
        for (Map<String, Object> p : phases) {
            max = Math.max(max, ((Number) p.get("acknowledgedPerSecond")).doubleValue());
            if ("open".equals(p.get("mode"))) {
                max = Math.max(max, ((Number) p.get("offeredPerSecond")).doubleValue());
            }
        }
        max = niceCeiling(max);
        axes(s, x0, y0, pw, ph, "submissions/s acknowledged per phase (grey: offered)", max, false);
        int n = Math.max(1, phases.size());
        double bw = pw / (double) n;
        for (int i = 0; i < phases.size(); i++) {
            Map<String, Object> p = phases.get(i);
            double bx = x0 + i * bw + bw * 0.15;
            if ("open".equals(p.get("mode"))) {
                double off = ((Number) p.get("offeredPerSecond")).doubleValue();
                rect(s, bx, y0 - ph * off / max, bw * 0.7, ph * off / max, "#dddddd");
            }
            double acked = ((Number) p.get("acknowledgedPerSecond")).doubleValue();
            rect(s, bx + bw * 0.1, y0 - ph * acked / max, bw * 0.5, ph * acked / max, "#2b6cb0");
            text(s, bx + bw * 0.35, y0 + 16, String.valueOf(p.get("phase")), "middle");
            text(s, bx + bw * 0.35, y0 - ph * acked / max - 4, String.format(Locale.ROOT, "%.0f", acked), "middle");
        }
        // right panel: latencies, log scale
        int x1 = 540;
        double lmax = 10;
        String[][] series = {{"ackMillisP50", "#9ae6b4", "ack p50"}, {"ackMillisP99", "#2f855a", "ack p99"},
            {"ackToCaseOpenedMillisP50", "#fbd38d", "→ opened p50"}, {"ackToCaseOpenedMillisP99", "#c05621", "→ opened p99"},
            {"ackToCountedMillisP99", "#6b46c1", "→ counted p99"}};
        for (Map<String, Object> p : phases) {
            for (String[] k : series) {
                lmax = Math.max(lmax, ((Number) p.getOrDefault(k[0], 0)).doubleValue());
            }
        }
        lmax = Math.pow(10, Math.ceil(Math.log10(lmax)));
        axes(s, x1, y0, pw, ph, "latency ms (log scale) per phase", lmax, true);
        double gw = pw / (double) n;
        for (int i = 0; i < phases.size(); i++) {
            Map<String, Object> p = phases.get(i);
            double barW = gw * 0.8 / series.length;
            for (int k = 0; k < series.length; k++) {
                double v = Math.max(1, ((Number) p.getOrDefault(series[k][0], 0)).doubleValue());
                double bh = ph * Math.log10(v) / Math.log10(lmax);
                rect(s, x1 + i * gw + gw * 0.1 + k * barW, y0 - bh, barW * 0.9, bh, series[k][1]);
            }
            text(s, x1 + i * gw + gw / 2, y0 + 16, String.valueOf(p.get("phase")), "middle");
        }
        for (int k = 0; k < series.length; k++) {
            rect(s, x1 + k * 80, 44, 10, 10, series[k][1]);
            text(s, x1 + k * 80 + 14, 53, series[k][2], "start");
        }
        Map<String, Object> t = (Map<String, Object>) r.get("targets");
        if (t != null && t.get("shareOfRawProducer") != null) {
            text(s, x0, 53, String.format(Locale.ROOT, "sustained %.0f/s = %.1f %% of the raw producer (%s records/s)",
                    ((Number) t.get("sustainedPerSecond")).doubleValue(), 100 * ((Number) t.get("shareOfRawProducer")).doubleValue(),
                    ((Map<String, Object>) r.get("rawProducer")).get("recordsPerSecond")), "start");
        }
        return s.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder s, int x, int y, int w, int h, String title, double max, boolean log) {
        s.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + w).append("\" y2=\"")
                .append(y).append("\" stroke=\"black\"/>\n<line x1=\"").append(x).append("\" y1=\"").append(y - h)
                .append("\" x2=\"").append(x).append("\" y2=\"").append(y).append("\" stroke=\"black\"/>\n");
        text(s, x, y - h - 8, title, "start");
        int ticks = log ? (int) Math.round(Math.log10(max)) : 4;
        for (int i = 0; i <= ticks; i++) {
            double value = log ? Math.pow(10, i) : max * i / ticks;
            double ty = y - h * (double) i / ticks;
            s.append("<line x1=\"").append(x - 4).append("\" y1=\"").append(fmt(ty)).append("\" x2=\"").append(x + w)
                    .append("\" y2=\"").append(fmt(ty)).append("\" stroke=\"#eeeeee\"/>\n");
            text(s, x - 6, ty + 4, String.format(Locale.ROOT, "%.0f", value), "end");
        }
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String fill) {
        s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(w))
                .append("\" height=\"").append(fmt(Math.max(0, h))).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    private static void text(StringBuilder s, double x, double y, String text, String anchor) {
        s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(esc(text)).append("</text>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
