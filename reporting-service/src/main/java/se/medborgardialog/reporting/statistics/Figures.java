package se.medborgardialog.reporting.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import se.medborgardialog.reporting.facts.Contributions;

/**
 * Turns a cell's raw counters into the published counts and figures. The raw names are the store's
 * ({@link Contributions}); the published ones are stable API names.
 */
final class Figures {

    static final String BACKLOG = "backlog";
    static final String IVO_REPORTED = "ivoReported";
    static final String SHARE_IN_TIME = "answeredWithinDeadlineShare";
    static final String[] FIRST_ANSWER = {"firstAnswerMedianWorkingDays", "firstAnswerP90WorkingDays",
            "firstAnswerMedianHours", "firstAnswerP90Hours", Figures.WITHIN_TWO_WORKING_DAYS};
    /**
     * The seeds' rule "skyndsamt, inom två arbetsdagar" as a figure whatever the clocks are configured to: the share of
     * first answers at most two working days after receipt (working days counted as for the median).
     */
    public static final String WITHIN_TWO_WORKING_DAYS = "firstAnswerWithinTwoWorkingDaysShare";

    private Figures() {
    }

    /** The published counts of raw counters (the histograms stay out; they become figures). */
    static Map<String, Long> counts(Map<String, Long> raw, long backlog) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : new String[] {Contributions.RECEIVED, Contributions.ANSWERED, Contributions.ANSWERED_IN_TIME,
                Contributions.CLOSED, Contributions.REOPENED}) {
            counts.put(name, raw.getOrDefault(name, 0L));
        }
        counts.put(BACKLOG, backlog);
        counts.put("eforslagSubmitted", raw.getOrDefault(Contributions.EF_SUBMITTED, 0L));
        counts.put("eforslagPublished", raw.getOrDefault(Contributions.EF_PUBLISHED, 0L));
        counts.put("eforslagThresholdReached", raw.getOrDefault(Contributions.EF_THRESHOLD, 0L));
        counts.put("eforslagAnswered", raw.getOrDefault(Contributions.EF_ANSWERED, 0L));
        counts.put("signatures", raw.getOrDefault(Contributions.EF_SIGNATURES, 0L));
        long ivo = 0;
        Map<String, Long> detail = new TreeMap<>();
        for (Map.Entry<String, Long> entry : raw.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(Contributions.GUARANTEE)) {
                // g:<type>:<id>:<what> → guarantee:<id>:<what>
                String[] parts = name.split(":");
                String what = parts[3].equals("compensated") ? "compensations" : parts[3];
                detail.merge("guarantee:" + parts[2] + ":" + what, entry.getValue(), Long::sum);
            } else if (name.startsWith(Contributions.AVVIKELSE)) {
                String[] parts = name.split(":");
                String what = parts[2].equals("ivo") ? IVO_REPORTED : parts[2];
                detail.merge("avvikelser:" + parts[1] + ":" + what, entry.getValue(), Long::sum);
                if (parts[2].equals("ivo")) {
                    ivo += entry.getValue();
                }
            }
        }
        counts.put(IVO_REPORTED, ivo);
        counts.putAll(detail);
        return counts;
    }

    /** Every guarantee's type by id, from raw counter names. */
    static void guarantees(Map<String, Long> raw, Map<String, String> into) {
        raw.keySet().stream().filter(name -> name.startsWith(Contributions.GUARANTEE))
                .map(name -> name.split(":"))
                .forEach(parts -> into.putIfAbsent(parts[2], parts[1]));
    }

    static Map<String, BigDecimal> figures(Map<String, Long> raw, Map<String, Long> counts) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put(SHARE_IN_TIME, share(counts.get(Contributions.ANSWERED_IN_TIME), counts.get(Contributions.ANSWERED)));
        figures.put(FIRST_ANSWER[0], percentile(raw, Contributions.WORKING_DAYS, 0.5));
        figures.put(FIRST_ANSWER[1], percentile(raw, Contributions.WORKING_DAYS, 0.9));
        figures.put(FIRST_ANSWER[2], percentile(raw, Contributions.HOURS, 0.5));
        figures.put(FIRST_ANSWER[3], percentile(raw, Contributions.HOURS, 0.9));
        figures.put(WITHIN_TWO_WORKING_DAYS, atMost(raw, Contributions.WORKING_DAYS, 2));
        counts.keySet().stream().filter(name -> name.startsWith("guarantee:") && name.endsWith(":met")).toList()
                .forEach(met -> {
                    String id = met.substring(0, met.length() - ":met".length());
                    long metCount = counts.get(met);
                    long breached = counts.getOrDefault(id + ":breached", 0L);
                    figures.put(id + ":metShare", share(metCount, metCount + breached));
                });
        counts.keySet().stream().filter(name -> name.startsWith("guarantee:") && name.endsWith(":breached")).toList()
                .forEach(breached -> {
                    String id = breached.substring(0, breached.length() - ":breached".length());
                    if (!counts.containsKey(id + ":met")) {
                        figures.put(id + ":metShare", share(0L, counts.get(breached)));
                    }
                });
        return figures;
    }

    /** The share of a histogram's answers at or below {@code limit}; null without answers. */
    static BigDecimal atMost(Map<String, Long> raw, String prefix, int limit) {
        long within = 0;
        long total = 0;
        for (Map.Entry<String, Long> entry : raw.entrySet()) {
            if (entry.getKey().startsWith(prefix) && entry.getValue() > 0) {
                total += entry.getValue();
                if (Integer.parseInt(entry.getKey().substring(prefix.length())) <= limit) {
                    within += entry.getValue();
                }
            }
        }
        return share(within, total);
    }

    static BigDecimal share(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /**
     * The nearest-rank percentile of a histogram ({@code prefix<n>} → count): the smallest n with at least
     * {@code ceil(p × N)} answers at or below it. Exact for working days; for hours, n means "within the (n+1)th hour".
     */
    static BigDecimal percentile(Map<String, Long> raw, String prefix, double p) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        raw.forEach((name, count) -> {
            if (name.startsWith(prefix) && count > 0) {
                histogram.merge(Integer.parseInt(name.substring(prefix.length())), count, Long::sum);
            }
        });
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return BigDecimal.valueOf(bucket.getKey());
            }
        }
        return BigDecimal.valueOf(histogram.lastKey());
    }
}
