package se.medborgardialog.benchmark.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and resident memory of named processes, read from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of
 * 1/100 s) and {@code /proc/<pid>/status} ({@code VmRSS}). A phase is bracketed by {@link #begin()} and
 * {@link #end(Mark)}; {@link #sampleRss()} keeps the highest RSS seen since the last mark.
 */
final class ProcessSampler {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Long> peakRssKiB = new LinkedHashMap<>();

    ProcessSampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    record Mark(long nanos, Map<String, Long> ticks) {
    }

    synchronized Mark begin() {
        peakRssKiB.clear();
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, cpuTicks(pid)));
        return new Mark(System.nanoTime(), ticks);
    }

    synchronized void sampleRss() {
        pids.forEach((name, pid) -> peakRssKiB.merge(name, rssKiB(pid), Math::max));
    }

    /** Per process: CPU as a share of one core over the phase (100 = one core busy), and the peak RSS in MiB. */
    synchronized Map<String, Map<String, Object>> end(Mark mark) {
        sampleRss();
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        Map<String, Map<String, Object>> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long used = cpuTicks(pid) - mark.ticks().getOrDefault(name, 0L);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("cpuPercentOfOneCore", Math.round(used / TICKS_PER_SECOND / seconds * 1000) / 10.0);
            one.put("rssMiB", peakRssKiB.getOrDefault(name, 0L) / 1024);
            usage.put(name, one);
        });
        return usage;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may contain spaces; the fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }
}
