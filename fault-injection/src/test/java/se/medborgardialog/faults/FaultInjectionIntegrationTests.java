package se.medborgardialog.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.localstack.LocalStack;
import se.medborgardialog.localstack.Service;
import se.medborgardialog.localstack.StackSettings;

/**
 * Breaks the real stack (broker, store and the four services, each its own process, as {@code ./run-local} starts
 * them) on purpose under load, one fault at a time, and after each, with the load stopped and the system settled,
 * counts what survived: every acknowledged submission has exactly one case, every clock that fell due fired exactly
 * once, reporting's figures equal the case store, poison sits in the dead-letter topics, and no answer broke a
 * promise (no 5xx but 503 with Retry-After, never 202 while the broker is down).
 *
 * <p>{@code -Dfaults.suite=short} (the default, in {@code mvn verify}): low load, a {@code kill -9} of case-service, a
 * broker restart and poison. {@code full} ({@code -Pfaults}): every fault of issue 7 with more load.
 */
class FaultInjectionIntegrationTests {

    /** Under target/, so the processes' logs are there to read when a run fails. */
    private static final Path DATA_DIR = Path.of("target", "fault-stack").toAbsolutePath();
    private static final String SUITE = System.getProperty("faults.suite", "short");
    private static final boolean FULL = "full".equals(SUITE);
    /** The short guarantee on park-och-natur synpunkter: its clocks fall due while the run goes on. */
    private static final Duration GUARANTEE = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMinutes(FULL ? 6 : 4);

    private static LocalStack stack;
    private static volatile boolean storeFrozen;
    private final Ledger ledger = new Ledger();
    private final Http http = new Http();

    /** One fault: what it does to the stack (and how the stack is brought back) while the load runs. */
    private record Fault(String name, Runnable inject) {
    }

    @BeforeAll
    static void startTheStack() throws IOException {
        // Whatever happens to this JVM, no process of the stack outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(FaultInjectionIntegrationTests::stopEverything, "fault-stack-stop"));
        deleteRecursively(DATA_DIR);
        Path home = Path.of(System.getProperty("medborgardialog.home", "..")).toAbsolutePath().normalize();
        // No supervision: the suite kills and restarts each process itself.
        stack = LocalStack.start(StackSettings.onFreePorts(home, DATA_DIR, false)
                .withArguments(Service.INTAKE, "--intake.eforslag.signature-threshold=" + Load.EFORSLAG_THRESHOLD,
                        "--intake.rate-limit.unlimited-addresses=127.0.0.1"));
        var guarantee = new Http().post(url(Service.SLA, "/api/v1/guarantees"), "ada", """
                {"id": "fel-park-%ds", "municipality": "Exempelkommun", "namnd": "Tekniska nämnden",
                 "title": "Svar om parker inom %d sekunder (felinjicering)", "type": "TJANSTEGARANTI",
                 "covers": {"caseTypes": ["SYNPUNKT"], "categories": ["%s"]},
                 "clock": "fel-park", "duration": "%s"}""".formatted(GUARANTEE.toSeconds(), GUARANTEE.toSeconds(),
                Load.GUARANTEED_CATEGORY, GUARANTEE));
        assertThat(guarantee.status()).as(guarantee.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopTheStack() {
        stopEverything();
    }

    private static synchronized void stopEverything() {
        if (stack != null) {
            if (storeFrozen) {
                signal("CONT", stack.storePid());
            }
            stack.close();
            stack = null;
        }
        // anything the launcher lost track of (e.g. a start that failed half-way)
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void everyAcknowledgedSubmissionHasExactlyOneCaseAndEveryDueClockFiresOnceWhateverBreaks() {
        List<Fault> faults = new ArrayList<>();
        if (FULL) {
            for (Service service : Service.values()) {
                faults.add(killAndRestart(service));
            }
        } else {
            faults.add(killAndRestart(Service.CASE));
        }
        faults.add(new Fault("broker restarted", this::restartBroker));
        if (FULL) {
            faults.add(new Fault("store kill -9", this::killStore));
            faults.add(new Fault("store frozen 30 s (kill -STOP/-CONT)", this::freezeStore));
        }
        faults.add(new Fault("poison messages", this::poison));
        // -Dfaults.only=store: just the faults whose name contains it (to reproduce one)
        String only = System.getProperty("faults.only", "");
        if (!only.isBlank() && !only.startsWith("${")) { // an unset Maven property may arrive uninterpolated
            faults.removeIf(f -> !f.name().contains(only));
        }

        Instant began = Instant.now();
        List<FaultResult> results = new ArrayList<>();
        for (Fault fault : faults) {
            results.add(survive(fault));
        }
        Report.write(SUITE, Duration.between(began, Instant.now()), results);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.violations()).as(r.fault()).isEmpty();
            assertThat(r.lost()).as("%s: lost", r.fault()).isZero();
            assertThat(r.duplicates()).as("%s: duplicates", r.fault()).isZero();
            assertThat(r.firedTwice()).as("%s: clocks fired twice", r.fault()).isZero();
            assertThat(r.firedOnce()).as("%s: due clocks fired once", r.fault()).isEqualTo(r.clocksDue());
            assertThat(r.statistics()).as("%s: statistics equal the case store", r.fault()).isTrue();
            assertThat(r.acknowledged()).as("%s: acknowledged", r.fault()).isPositive();
        });
        assertThat(results).isNotEmpty().filteredOn(r -> r.fault().equals("poison messages"))
                .allSatisfy(r -> assertThat(r.deadLettered()).isPositive());
    }

    /** Load before, the fault (with its recovery), load after; then the load stops and the census waits for the system. */
    private FaultResult survive(Fault fault) {
        System.out.println("fault: " + fault.name());
        ledger.phase(fault.name());
        Census census = census();
        int deadLetteredBefore = census.deadLetters().values().stream().mapToInt(List::size).sum();
        List<String> problems = new ArrayList<>();
        int perStep = FULL ? 40 : 8;
        try (Load load = new Load(FaultInjectionIntegrationTests::intake, ledger, FULL ? 3 : 2,
                Duration.ofMillis(FULL ? 100 : 250))) {
            awaitAcknowledged(fault.name(), perStep);
            fault.inject().run();
            awaitAcknowledged(fault.name(), ledger.acknowledgedIn(fault.name()).size() + perStep);
        } catch (AssertionError | RuntimeException e) {
            problems.add("fault not survived: " + e.getMessage());
        }
        List<Ledger.Acknowledged> acknowledged = ledger.acknowledgedIn(fault.name());
        Set<String> ids = acknowledged.stream().map(Ledger.Acknowledged::caseId).collect(Collectors.toSet());
        // every clock the load's cases can make fall due (the short guarantee's) is due by then, with 5 s to fire
        Instant allDue = Instant.now().plus(GUARANTEE).plusSeconds(5);
        List<String> synpunkter = acknowledged.stream().filter(a -> a.kind().equals("synpunkt"))
                .map(Ledger.Acknowledged::caseId).toList();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                assertThat(census.storedCases().keySet()).as("cases of every acknowledged submission so far")
                        .containsAll(ledger.acknowledged().stream().map(Ledger.Acknowledged::caseId).toList());
                assertThat(Instant.now()).isAfter(allDue.plusSeconds(5));
                var clocks = census.clocks().values();
                assertThat(clocks.stream().map(Census.Clock::caseId).collect(Collectors.toSet()))
                        .as("every synpunkt's clocks scheduled").containsAll(synpunkter);
                assertThat(clocks).as("clocks due, not breached")
                        .filteredOn(c -> !c.met() && c.dueAt().isBefore(allDue) && c.breaches().isEmpty())
                        .isEmpty();
                assertThat(census.reportedReceived()).isEqualTo(storeCounts(census.storedCases()));
            });
        } catch (ConditionTimeoutException e) {
            problems.add("not settled within " + SETTLE);
        }
        Map<String, String> stored = census.storedCases();
        ids.stream().filter(id -> !stored.containsKey(id)).limit(5).forEach(id -> problems.add("no case for " + id));
        Map<String, Set<String>> openings = census.caseOpenings();
        var clocks = census.clocks().values().stream().filter(c -> ids.contains(c.caseId())).toList();
        var due = clocks.stream().filter(c -> !c.met() && c.dueAt().isBefore(allDue)).toList();
        boolean statistics;
        try {
            statistics = census.reportedReceived().equals(storeCounts(stored));
        } catch (RuntimeException e) {
            statistics = false;
            problems.add(e.getMessage());
        }
        var deadLetters = census.deadLetters();
        if (fault.name().equals("poison messages")) {
            problems.addAll(poisonNotDeadLettered(deadLetters));
        }
        problems.addAll(ledger.violationsIn(fault.name()));
        return new FaultResult(fault.name(), acknowledged.size(),
                (int) ids.stream().filter(stored::containsKey).count(),
                (int) ids.stream().filter(id -> openings.getOrDefault(id, Set.of()).size() > 1).count(),
                (int) ids.stream().filter(id -> !stored.containsKey(id)).count(),
                deadLetters.values().stream().mapToInt(List::size).sum() - deadLetteredBefore,
                due.size(), (int) due.stream().filter(c -> c.breaches().size() == 1).count(),
                (int) clocks.stream().filter(c -> c.breaches().size() > 1).count(),
                statistics, ledger.statuses(fault.name()), problems);
    }

    private Fault killAndRestart(Service service) {
        return new Fault("kill -9 " + service.moduleName(), () -> {
            stack.kill(service);
            // the load keeps coming while it is dead: a few answers (or refusals) before it is back
            int answered = answers();
            await().atMost(Duration.ofMinutes(1)).until(() -> answers() >= answered + 5);
            stack.restart(service);
        });
    }

    /** A clean stop and start of the broker; while it is down intake must answer 503 with Retry-After, never 202. */
    private void restartBroker() {
        stack.stopBroker();
        ledger.brokerDown();
        Http.Response probe = http.post(intake("/api/v1/synpunkter"), null, """
                {"kind": "fråga", "category": "ovrigt", "channel": "web", "text": "Är någon där?"}""");
        assertThat(probe.status()).as("while the broker is down: " + probe.body()).isEqualTo(503);
        assertThat(probe.retryAfter()).as("Retry-After on the 503").isPresent();
        int unavailable = ledger.statuses(ledger.phase()).getOrDefault(503, 0L).intValue();
        await().atMost(Duration.ofMinutes(2)).until(
                () -> ledger.statuses(ledger.phase()).getOrDefault(503, 0L) >= unavailable + 3);
        ledger.brokerUp();
        stack.restartBroker();
    }

    private void killStore() {
        stack.killStore();
        int answered = answers();
        await().atMost(Duration.ofMinutes(1)).until(() -> answers() >= answered + 5);
        stack.restartStore();
    }

    /** The store's process stopped with SIGSTOP for 30 s: connections stay open and nothing answers, then SIGCONT. */
    private void freezeStore() {
        signal("STOP", stack.storePid());
        storeFrozen = true;
        try {
            await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(31)).until(() -> true);
        } finally {
            signal("CONT", stack.storePid());
            storeFrozen = false;
        }
    }

    /** Records each service's input topics cannot read: malformed JSON and a body that breaks its event's schema. */
    private static final List<String[]> POISON = List.of(
            new String[] {Topics.SUBMISSIONS, EventTypes.SYNPUNKT_SUBMITTED, "{\"submissionId\": "},
            new String[] {Topics.SUBMISSIONS, EventTypes.FELANMALAN_SUBMITTED, "{\"submissionId\": 42, \"location\": \"här\"}"},
            new String[] {Topics.CASES, EventTypes.CASE_OPENED, "not json at all"},
            new String[] {Topics.CASES, EventTypes.CASE_OPENED, "{\"caseId\": \"inte-ett-uuid\", \"receivedAt\": []}"},
            new String[] {Topics.DEADLINES, EventTypes.DEADLINE_BREACHED, "[1, 2"},
            new String[] {Topics.DEADLINES, EventTypes.DEADLINE_SCHEDULED, "{\"caseId\": {}, \"dueAt\": \"i morgon\"}"});
    private final List<String> poisonIds = new ArrayList<>();

    private void poison() {
        EventLog events = new EventLog(stack.kafkaBootstrapServers());
        for (String[] poison : POISON) {
            String id = "poison-" + UUID.randomUUID();
            poisonIds.add(id + " " + poison[0]);
            events.produce(poison[0], UUID.randomUUID().toString(), poison[1], id,
                    poison[2].getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Each poison record must sit in a dead-letter topic of its own topic, with the reason in its headers. */
    private List<String> poisonNotDeadLettered(Map<String, List<EventLog.Event>> deadLetters) {
        List<String> problems = new ArrayList<>();
        for (String entry : poisonIds) {
            String[] idAndTopic = entry.split(" ");
            var found = deadLetters.entrySet().stream().filter(t -> t.getKey().startsWith(idAndTopic[1] + "."))
                    .flatMap(t -> t.getValue().stream())
                    .filter(e -> idAndTopic[0].equals(Census.unquote(e.header("ce_id")))).toList();
            if (found.isEmpty()) {
                problems.add("poison " + entry + " is in no dead-letter topic");
            } else if (found.stream().anyMatch(e -> reason(e) == null)) {
                problems.add("poison " + entry + " dead-lettered without its reason");
            }
        }
        return problems;
    }

    private static String reason(EventLog.Event e) {
        String reason = e.header("x-exception-message");
        return reason != null ? reason : e.header("kafka_dlt-exception-message");
    }

    private void awaitAcknowledged(String phase, int atLeast) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger.acknowledgedIn(phase).size() >= atLeast);
    }

    private int answers() {
        return ledger.statuses(ledger.phase()).values().stream().mapToInt(Long::intValue).sum();
    }

    private static Map<String, Long> storeCounts(Map<String, String> stored) {
        return stored.values().stream().collect(Collectors.groupingBy(t -> t, java.util.TreeMap::new,
                Collectors.counting()));
    }

    private static Census census() {
        return new Census(stack.storeUri(), new EventLog(stack.kafkaBootstrapServers()),
                path -> url(Service.REPORTING, path));
    }

    private static URI intake(String path) {
        return url(Service.INTAKE, path);
    }

    private static URI url(Service service, String path) {
        return stack.url(service).resolve(path);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
