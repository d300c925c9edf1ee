package se.medborgardialog.benchmark.flowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import se.medborgardialog.benchmark.pipeline.Samples;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breach detection the way a Java team would otherwise do it: Flowable 7 with its async job executor on an in-memory
 * H2 database, one process instance per clock, a user task ("answer the case") with a boundary timer at the clock's
 * due time that leads to a service task recording the breach. Reports the lag from the due time to the service task's
 * execution (p50/p95/p99/max) and the breaches fired per second, for {@code clocks} clocks due at once and the same
 * number spread evenly over {@code spread}; {@code open} more clocks far in the future stay open meanwhile.
 *
 * <p>Engine settings are Flowable's defaults (8 executor threads, 512 timers per acquisition, history "audit") except
 * the timer acquisition's idle wait, which is {@code timerWait} (Flowable's default is 10 s; sla-service looks every
 * second). Run alone ({@code --clocks=10000 --spread=PT60S --open=0 --timer-wait=PT1S}), it writes
 * {@code benchmark/results/flowable-timers.json}, which {@code PipelineBenchmark --flowable-clocks=0} reports instead of
 * running Flowable itself.
 */
public final class FlowableTimerBenchmark {

    /** The first breach run per process instance (due, ran), and every run: a job retried after a rollback runs twice. */
    static final Map<String, long[]> FIRED = new ConcurrentHashMap<>();
    static final AtomicLong RUNS = new AtomicLong();
    static final ShiftedClock CLOCK = new ShiftedClock();

    /** The engine's clock: real time, shifted; held still while the clocks are created. */
    static final class ShiftedClock extends org.flowable.common.engine.impl.util.DefaultClockImpl {
        private volatile long shift;
        private volatile long heldAt = -1;

        void hold() {
            heldAt = System.currentTimeMillis();
            shift = 0;
        }

        void runFrom(long engineNow) {
            shift = engineNow - System.currentTimeMillis();
            heldAt = -1;
        }

        long now() {
            return heldAt >= 0 ? heldAt : System.currentTimeMillis() + shift;
        }

        @Override
        public java.util.Date getCurrentTime() {
            return new java.util.Date(now());
        }

        @Override
        public java.util.Calendar getCurrentCalendar() {
            java.util.Calendar c = java.util.Calendar.getInstance();
            c.setTimeInMillis(now());
            return c;
        }

        @Override
        public java.util.Calendar getCurrentCalendar(java.util.TimeZone zone) {
            java.util.Calendar c = java.util.Calendar.getInstance(zone);
            c.setTimeInMillis(now());
            return c;
        }
    }

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="medborgardialog">
              <process id="clock" name="Svarstid">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="answer"/>
                <userTask id="answer" name="Besvara ärendet"/>
                <boundaryEvent id="due" attachedToRef="answer" cancelActivity="true">
                  <timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f2" sourceRef="answer" targetRef="answered"/>
                <endEvent id="answered"/>
                <sequenceFlow id="f3" sourceRef="due" targetRef="breach"/>
                <serviceTask id="breach" name="Tidsfristen överskriden"
                             flowable:class="se.medborgardialog.benchmark.flowable.FlowableTimerBenchmark$BreachRecorder"/>
                <sequenceFlow id="f4" sourceRef="breach" targetRef="breached"/>
                <endEvent id="breached"/>
              </process>
            </definitions>
            """;

    private FlowableTimerBenchmark() {
    }

    /** Records when the breach ran, against the clock's due time (both epoch millis). */
    public static final class BreachRecorder implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            long due = ((Number) execution.getVariable("dueMillis")).longValue();
            RUNS.incrementAndGet();
            FIRED.putIfAbsent(execution.getProcessInstanceId(), new long[] {due, CLOCK.now()});
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int clocks = Integer.parseInt(options.getOrDefault("clocks", "10000"));
        int open = Integer.parseInt(options.getOrDefault("open", "0"));
        Duration spread = Duration.parse(options.getOrDefault("spread", "PT60S"));
        Duration timerWait = Duration.parse(options.getOrDefault("timer-wait", "PT1S"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", java.time.Instant.now().toString());
        result.putAll(run(clocks, open, spread, timerWait));
        result.put("finishedAt", java.time.Instant.now().toString());
        result.forEach((k, v) -> System.out.printf("%-34s %s%n", k, v));
        // PipelineBenchmark --flowable-clocks=0 sets this file beside the pipeline's figures instead of running again
        Path file = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().resolve("benchmark/results/flowable-timers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(result));
        System.out.println("Written to " + file);
        System.exit(0);
    }

    /** Both scenarios, each on a fresh engine. */
    public static Map<String, Object> run(int clocks, int open, Duration spread, Duration timerWait) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engine", "Flowable " + ProcessEngine.class.getPackage().getImplementationVersion()
                + ", H2 in memory, async executor (defaults, timer acquire wait " + timerWait.toMillis() + " ms)");
        result.put("clocks", clocks);
        result.put("openClocksBesides", open);
        result.put("burst", scenario(clocks, open, Duration.ZERO, timerWait));
        result.put("spread", scenario(clocks, open, spread, timerWait));
        result.put("spreadSeconds", spread.toSeconds());
        return result;
    }

    private static Map<String, Object> scenario(int clocks, int open, Duration spread, Duration timerWait) {
        FIRED.clear();
        RUNS.set(0);
        StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:flowable-" + System.nanoTime() + ";DB_CLOSE_DELAY=1000");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setAsyncExecutorActivate(false);
        config.setClock(CLOCK);
        ((ProcessEngineConfigurationImpl) config).setAsyncExecutorDefaultTimerJobAcquireWaitTime((int) timerWait.toMillis());
        ProcessEngine engine = config.buildProcessEngine();
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            engine.getRepositoryService().createDeployment().addBytes("clock.bpmn20.xml",
                    PROCESS.getBytes(StandardCharsets.UTF_8)).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            // The engine runs on a clock held back while the clocks are created, however long that takes on a busy
            // machine; then it is set to 5 s before the first due time and runs on with real time. The lag is measured
            // on the same clock (the breach's run minus the due time), so it is what the engine would show in real time.
            CLOCK.hold();
            long farFuture = CLOCK.now() + Duration.ofDays(30).toMillis();
            long createStart = System.nanoTime();
            for (int i = 0; i < open; i++) {
                start(runtime, farFuture + i);
            }
            long first = CLOCK.now() + Duration.ofDays(1).toMillis();
            long[] dues = new long[clocks];
            for (int i = 0; i < clocks; i++) {
                dues[i] = first + (clocks <= 1 ? 0 : spread.toMillis() * i / (clocks - 1));
                start(runtime, dues[i]);
            }
            double createSeconds = (System.nanoTime() - createStart) / 1e9;
            System.out.printf("  Flowable: %,d clocks created in %.0f s; the first falls due in 5 s%n", open + clocks, createSeconds);
            r.put("createSeconds", Math.round(createSeconds * 10) / 10.0);
            CLOCK.runFrom(first - 5_000);
            config.getAsyncExecutor().start();
            long giveUp = System.currentTimeMillis() + spread.toMillis() + Duration.ofMinutes(5).toMillis();
            long report = System.currentTimeMillis();
            while (FIRED.size() < clocks && System.currentTimeMillis() < giveUp
                    && !(CLOCK.now() > dues[clocks - 1] + 30_000 && nothingLeft(engine))) {
                pause(200);
                if (System.currentTimeMillis() - report > 10_000) {
                    report = System.currentTimeMillis();
                    System.out.printf("  Flowable: %,d of %,d fired; %,d timer jobs, %,d executable and %,d dead-letter jobs%n",
                            FIRED.size(), clocks, engine.getManagementService().createTimerJobQuery().count(),
                            engine.getManagementService().createJobQuery().count(),
                            engine.getManagementService().createDeadLetterJobQuery().count());
                }
            }
            Samples lag = new Samples();
            long lastFired = 0;
            for (long[] f : FIRED.values()) {
                lag.add(f[1] - f[0]);
                lastFired = Math.max(lastFired, f[1]);
            }
            r.put("fired", FIRED.size());
            r.put("breachRuns", RUNS.get());
            r.put("deadLetterJobs", engine.getManagementService().createDeadLetterJobQuery().count());
            r.putAll(lag.summary("lagMillis"));
            double window = Math.max(1, lastFired - first) / 1000.0;
            r.put("firedPerSecond", Math.round(FIRED.size() / window));
            r.put("heapUsedMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        } finally {
            engine.close();
        }
        return r;
    }

    /** No job of the clocks due is waiting or running any more: only the far-future ones and dead letters remain. */
    private static boolean nothingLeft(ProcessEngine engine) {
        var jobs = engine.getManagementService();
        return jobs.createJobQuery().count() == 0
                && jobs.createTimerJobQuery().duedateLowerThan(new java.util.Date(CLOCK.now())).count() == 0;
    }

    private static void start(RuntimeService runtime, long dueMillis) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dueAt", new java.util.Date(dueMillis));
        vars.put("dueMillis", dueMillis);
        runtime.startProcessInstanceByKey("clock", vars);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
