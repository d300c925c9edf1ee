package se.medborgardialog.benchmark.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.medborgardialog.benchmark.flowable.FlowableTimerBenchmark;
import se.medborgardialog.localstack.LocalStack;
import se.medborgardialog.localstack.Service;
import se.medborgardialog.localstack.StackSettings;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline under load (README: Benchmark). Starts the stack as {@code ./run-local} does (local-stack's
 * launcher: broker, store and the four services each in its own JVM) on free ports with its data under
 * {@code benchmark/target/pipeline-run}, drives the realistic mix through intake at fixed rates (open loop) and then as
 * fast as it goes (closed loop), follows every acknowledged submission to case opened, deadline scheduled and counted
 * in the statistics, samples CPU and RSS of every process, measures the raw producer throughput on the same broker,
 * stops the stack, runs the Flowable comparison and writes {@code benchmark/results/pipeline-benchmark.{json,md,svg}}.
 *
 * <p>Options: {@code --rates=200,500,1000} (submissions/s, open loop), {@code --duration=PT60S} (each phase),
 * {@code --warmup=PT20S}, {@code --clients=32} (closed loop; 0 skips it), {@code --max-in-flight=2000},
 * {@code --raw-records=200000}, {@code --flowable-clocks=10000} (0 skips it), {@code --flowable-spread=PT60S},
 * {@code --flowable-open=0}, {@code --settle=PT90S} (how long to wait for the last cases, clocks and counts),
 * {@code --case-concurrency=} (an experiment: case-service's consumer threads for submissions), {@code --home=.};
 * {@code --report-only=true} writes the table and chart again from the last JSON.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path home = Path.of(o.getOrDefault("home", ".")).toAbsolutePath().normalize();
        List<Double> rates = Stream.of(o.getOrDefault("rates", "200,500,1000").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Double::parseDouble).toList();
        Duration duration = Duration.parse(o.getOrDefault("duration", "PT60S"));
        Duration warmup = Duration.parse(o.getOrDefault("warmup", "PT20S"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "32"));
        int maxInFlight = Integer.parseInt(o.getOrDefault("max-in-flight", "2000"));
        int rawRecords = Integer.parseInt(o.getOrDefault("raw-records", "200000"));
        int flowableClocks = Integer.parseInt(o.getOrDefault("flowable-clocks", "10000"));
        Duration settle = Duration.parse(o.getOrDefault("settle", "PT90S"));

        Path results = home.resolve("benchmark/results");
        if (o.containsKey("report-only")) {
            // the Markdown table and the chart again from the last run's JSON
            Map<String, Object> last = JsonMapper.builder().build().readValue(results.resolve("pipeline-benchmark.json").toFile(), Map.class);
            if (!last.containsKey("flowable") && Files.exists(results.resolve("flowable-timers.json"))) {
                // the Flowable comparison, run on its own after the pipeline, joins the pipeline's figures
                attachFlowable(last, results);
                Files.writeString(results.resolve("pipeline-benchmark.json"),
                        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(last));
            }
            Files.writeString(results.resolve("pipeline-benchmark.md"), Report.markdown(last));
            Files.writeString(results.resolve("pipeline-benchmark.svg"), Report.svg(last));
            System.out.println(Report.markdown(last));
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().toString());
        result.put("machine", Machine.describe());
        result.put("loadBefore", Machine.loadAverage());
        result.put("options", o);

        // a service starting on a shared, busy machine may need more than the launcher's three minutes
        if (System.getProperty("medborgardialog.start-timeout") == null) {
            System.setProperty("medborgardialog.start-timeout", "PT10M");
        }
        // the services as in production: the full JIT compiler (the local stack's default stops at the quick one)
        if (System.getProperty("medborgardialog.service-jvm") == null) {
            System.setProperty("medborgardialog.service-jvm", "-Xmx512m -XX:+UseSerialGC");
        }
        result.put("serviceJvm", System.getProperty("medborgardialog.service-jvm"));
        Path dataDir = home.resolve("benchmark/target/pipeline-run");
        deleteRecursively(dataDir);
        StackSettings settings = settings(home, dataDir);
        if (o.containsKey("case-concurrency")) {
            // an experiment: one consumer thread per partition for case-service's submissions (default: case-service's own, one per partition)
            settings = settings.withArguments(Service.CASE,
                    "--spring.cloud.stream.bindings.submissions-in-0.consumer.concurrency=" + o.get("case-concurrency"));
        }
        System.out.println("Starting the stack (broker, store, four services) in " + dataDir + " ...");
        long startNanos = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        Thread stopper = new Thread(stack::close, "pipeline-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        result.put("stackStartSeconds", Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0);
        Map<String, Long> pids = pids(stack);
        System.out.println("Stack up in " + result.get("stackStartSeconds") + " s; processes " + pids);

        ProcessSampler sampler = new ProcessSampler(pids);
        ScheduledExecutorService rss = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        rss.scheduleAtFixedRate(sampler::sampleRss, 1, 1, TimeUnit.SECONDS);
        List<LoadDriver.Phase> phases = new ArrayList<>();
        List<Map<String, Map<String, Object>>> usage = new ArrayList<>();
        try (EventTracker tracker = new EventTracker(stack.kafkaBootstrapServers());
             LoadDriver driver = new LoadDriver(new Mix(stack.url(Service.INTAKE),
                     Proposals.publish(stack.url(Service.INTAKE), 3)), maxInFlight);
             StatisticsPoller statistics = new StatisticsPoller(stack.url(Service.REPORTING), Duration.ofMillis(250))) {
            tracker.start();
            System.out.printf("Warm-up: %s at %.0f/s%n", warmup, Math.min(50, rates.isEmpty() ? 50 : rates.get(0)));
            LoadDriver.Phase warm = driver.openLoop("warm-up", Math.min(50, rates.isEmpty() ? 50 : rates.get(0)), warmup);
            System.out.printf("  warm-up: %d acknowledged, statuses %s%s%n", warm.accepted.get(), warm.statusCounts(),
                    warm.firstBodies.isEmpty() ? "" : " " + warm.firstBodies);
            awaitQuiet(tracker, warm, Duration.ofSeconds(60));
            long baseline = statistics.total();
            long baselineCases = tracker.caseOpened.size();
            statistics.start();
            for (double rate : rates) {
                var mark = sampler.begin();
                System.out.printf("Open loop at %.0f submissions/s for %s ...%n", rate, duration);
                LoadDriver.Phase phase = driver.openLoop("open " + (long) rate + "/s", rate, duration);
                usage.add(sampler.end(mark));
                phases.add(phase);
                printPhase(phase);
            }
            if (clients > 0) {
                var mark = sampler.begin();
                System.out.printf("Closed loop, %d clients for %s ...%n", clients, duration);
                LoadDriver.Phase phase = driver.closedLoop("closed " + clients + " clients", clients, duration);
                usage.add(sampler.end(mark));
                phases.add(phase);
                printPhase(phase);
            }
            System.out.println("Waiting for every acknowledged submission's case, clock and count ...");
            settle(tracker, phases, statistics, baseline, settle);
            result.put("phases", phaseResults(phases, usage, tracker, statistics, baseline, baselineCases));
            result.put("statisticsQueryMillisUnderLoad", statistics.queryMillis.summary("queryMillis"));
            long records = tracker.submissionRecords.get();
            result.put("submissionEventMeanBytes", records == 0 ? 0 : tracker.submissionBytes.get() / records);
            result.put("downstreamRecordsPerSubmissionRecord", records == 0 ? 0
                    : Math.round(100.0 * tracker.downstreamRecords.get() / records) / 100.0);
            if (tracker.sample.get() != null && rawRecords > 0) {
                System.out.printf("Raw producer: %,d records like intake's on the same broker ...%n", rawRecords);
                var mark = sampler.begin();
                Map<String, Object> raw = RawProducer.run(stack.kafkaBootstrapServers(), tracker.sample.get(), rawRecords);
                raw.put("processes", sampler.end(mark));
                result.put("rawProducer", raw);
                System.out.println("  " + raw);
            }
        } finally {
            rss.shutdownNow();
            System.out.println("Stopping the stack ...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        result.put("targets", Targets.evaluate(result));
        if (flowableClocks > 0) {
            System.out.printf("Flowable: %,d clocks due at once, then spread ...%n", flowableClocks);
            Map<String, Object> flowable = FlowableTimerBenchmark.run(flowableClocks,
                    Integer.parseInt(o.getOrDefault("flowable-open", "0")),
                    Duration.parse(o.getOrDefault("flowable-spread", "PT60S")), Duration.ofSeconds(1));
            result.put("flowable", flowable);
            result.put("breachDetection", BreachComparison.compare(home.resolve("benchmark/results"), flowable));
        } else if (Files.exists(home.resolve("benchmark/results/flowable-timers.json"))) {
            attachFlowable(result, home.resolve("benchmark/results"));
        }
        result.put("loadAfter", Machine.loadAverage());
        result.put("finishedAt", Instant.now().toString());
        Files.createDirectories(results);
        Files.writeString(results.resolve("pipeline-benchmark.json"),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(result));
        Files.writeString(results.resolve("pipeline-benchmark.md"), Report.markdown(result));
        Files.writeString(results.resolve("pipeline-benchmark.svg"), Report.svg(result));
        System.out.println(Report.markdown(result));
        System.out.println("Written to " + results);
        System.exit(0);
    }

    /** FlowableTimerBenchmark's own run ({@code flowable-timers.json}, which says when) beside ClockBenchmark's. */
    @SuppressWarnings("unchecked")
    private static void attachFlowable(Map<String, Object> result, Path results) throws IOException {
        Map<String, Object> flowable = JsonMapper.builder().build().readValue(results.resolve("flowable-timers.json").toFile(), Map.class);
        flowable.put("engine", flowable.get("engine") + "; from flowable-timers.json, run " + flowable.get("startedAt")
                + " – " + flowable.get("finishedAt"));
        result.put("flowable", flowable);
        result.put("breachDetection", BreachComparison.compare(results, flowable));
    }

    private static StackSettings settings(Path home, Path dataDir) throws IOException {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, freePort());
        }
        return new StackSettings(home, dataDir, freePort(), freePort(), freePort(), ports, false)
                // the benchmark is one client address sending thousands a second: the abuse brake would refuse it
                .withArguments(Service.INTAKE, "--intake.rate-limit.enabled=false",
                        // keep the benchmark's e-förslag open for signatures however many it gets
                        "--intake.eforslag.signature-threshold=100000000")
                .withMailPorts(0, 0);
    }

    /** The stack's processes by name: the four services from the launcher, the broker and the store found by command line. */
    private static Map<String, Long> pids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            pids.put(s.moduleName(), stack.pid(s));
        }
        ProcessHandle.current().children().forEach(child -> {
            String command;
            // ProcessHandle.Info leaves out command lines as long as these (the classpath); /proc has them whole
            try {
                command = Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException e) {
                command = child.info().commandLine().orElse("");
            }
            if (command.contains("kafka.Kafka ")) {
                pids.put("kafka", child.pid());
            } else if (command.contains("StoreServer")) {
                pids.put("store", child.pid());
            }
        });
        pids.put("benchmark client", ProcessHandle.current().pid());
        return pids;
    }

    private static void printPhase(LoadDriver.Phase p) {
        System.out.printf("  %s: sent %,d, acknowledged %,d (%.1f/s), not sent (client cap) %,d, errors %,d, statuses %s,"
                        + " ack p50 %d ms p99 %d ms%s%n", p.name, p.sent.get(), p.accepted.get(), p.acceptedPerSecond(),
                p.notSent.get(), p.errors.get(), p.statusCounts(), p.ackMillis.percentile(50), p.ackMillis.percentile(99),
                p.firstBodies.isEmpty() ? "" : "; first refusals " + p.firstBodies);
    }

    private static void awaitQuiet(EventTracker tracker, LoadDriver.Phase phase, Duration max) {
        long giveUp = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < giveUp && phase.acked.stream().anyMatch(a -> !tracker.caseOpened.containsKey(a.id()))) {
            pause(250);
        }
    }

    private static void settle(EventTracker tracker, List<LoadDriver.Phase> phases, StatisticsPoller statistics,
                               long baseline, Duration settle) {
        long giveUp = System.nanoTime() + settle.toNanos();
        List<LoadDriver.Acked> all = phases.stream().flatMap(p -> p.acked.stream()).toList();
        while (System.nanoTime() < giveUp) {
            long opened = all.stream().filter(a -> tracker.caseOpened.containsKey(a.id())).count();
            long scheduled = all.stream().filter(a -> tracker.deadlineScheduled.containsKey(a.id())).count();
            long counted = statistics.total() - baseline;
            if (opened == all.size() && scheduled == all.size() && counted >= all.size()) {
                return;
            }
            System.out.printf("  %,d acknowledged: %,d cases opened, %,d deadlines scheduled, %,d counted%n",
                    all.size(), opened, scheduled, counted);
            pause(5_000);
        }
    }

    private static List<Map<String, Object>> phaseResults(List<LoadDriver.Phase> phases,
            List<Map<String, Map<String, Object>>> usage, EventTracker tracker, StatisticsPoller statistics,
            long baseline, long baselineCases) {
        // every case opened after the baseline, in the order of its CaseOpened record time, for "counted" by rank
        List<Map.Entry<String, Long>> opened = new ArrayList<>(tracker.caseOpened.entrySet());
        opened.sort(Map.Entry.comparingByValue());
        List<Map.Entry<String, Long>> afterBaseline = opened.subList((int) Math.min(baselineCases, opened.size()), opened.size());
        long[] openedTimes = afterBaseline.stream().mapToLong(Map.Entry::getValue).toArray();
        long[] countedAt = statistics.countedTimes(baseline, openedTimes);
        Map<String, Long> counted = new HashMap<>();
        for (int i = 0; i < afterBaseline.size(); i++) {
            counted.put(afterBaseline.get(i).getKey(), countedAt[i]);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            LoadDriver.Phase p = phases.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("phase", p.name);
            r.put("mode", p.mode);
            r.put(p.mode.equals("open") ? "offeredPerSecond" : "clients", p.offered);
            r.put("sent", p.sent.get());
            r.put("acknowledged", p.accepted.get());
            r.put("acknowledgedPerSecond", Math.round(p.acceptedPerSecond() * 10) / 10.0);
            r.put("notSentClientCap", p.notSent.get());
            r.put("transportErrors", p.errors.get());
            r.put("statuses", p.statusCounts());
            r.put("refusals", p.firstBodies);
            r.put("felanmalanLinkedToExisting", p.linked.get());
            r.putAll(p.ackMillis.summary("ackMillis"));
            Map<String, Object> byKind = new LinkedHashMap<>();
            p.ackByKind.forEach((k, s) -> byKind.put(k.label, s.summary("ackMillis")));
            r.put("ackByKind", byKind);
            Samples toCase = new Samples();
            Samples toDeadline = new Samples();
            Samples toCounted = new Samples();
            long missingCase = 0;
            for (LoadDriver.Acked a : p.acked) {
                Long c = tracker.caseOpened.get(a.id());
                Long d = tracker.deadlineScheduled.get(a.id());
                Long n = counted.get(a.id());
                if (c == null) {
                    missingCase++;
                } else {
                    toCase.add(c - a.ackMillis());
                }
                if (d != null) {
                    toDeadline.add(d - a.ackMillis());
                }
                if (n != null && n >= 0) {
                    toCounted.add(n - a.ackMillis());
                }
            }
            r.put("ackedOpeningACase", p.acked.size());
            r.put("caseNotSeen", missingCase);
            r.putAll(toCase.summary("ackToCaseOpenedMillis"));
            r.putAll(toDeadline.summary("ackToDeadlineScheduledMillis"));
            r.putAll(toCounted.summary("ackToCountedMillis"));
            r.put("processes", usage.get(i));
            out.add(r);
        }
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (options are --name=value)");
            }
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The machine the figures came from. */
    static final class Machine {
        private Machine() {
        }

        static String describe() {
            long memKiB = 0;
            try {
                Matcher m = Pattern.compile("MemTotal:\\s+(\\d+)").matcher(Files.readString(Path.of("/proc/meminfo")));
                memKiB = m.find() ? Long.parseLong(m.group(1)) : 0;
            } catch (IOException e) {
                // not Linux
            }
            return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + Math.round(memKiB / 1024.0 / 1024.0)
                    + " GiB memory, " + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
