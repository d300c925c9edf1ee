package se.medborgardialog.benchmark.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded values (latencies in milliseconds, or anything else) and their nearest-rank percentiles. Thread-safe. */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public synchronized int size() {
        return size;
    }

    /** The nearest-rank percentile ({@code p} in 0–100), or -1 with no samples. */
    public synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[rank(p, size)];
    }

    static int rank(double p, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1));
    }

    /** {@code <prefix>P50, P95, P99, Max} and {@code <prefix>Count}, with -1 where there are no samples. */
    public synchronized Map<String, Object> summary(String prefix) {
        Map<String, Object> summary = new LinkedHashMap<>();
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        summary.put(prefix + "Count", size);
        summary.put(prefix + "P50", size == 0 ? -1 : sorted[rank(50, size)]);
        summary.put(prefix + "P95", size == 0 ? -1 : sorted[rank(95, size)]);
        summary.put(prefix + "P99", size == 0 ? -1 : sorted[rank(99, size)]);
        summary.put(prefix + "Max", size == 0 ? -1 : sorted[size - 1]);
        return summary;
    }
}
