package se.medborgardialog.sla;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (not run by {@code mvn verify}): how fast sla-service schedules the clocks of a backlog of new cases. Fills
 * a real in-process broker (3 partitions per topic, as the local stack) with {@code cases} synpunkter's
 * {@code CaseOpened}, then starts the service on it and the in-process store and waits until every one is handled, and
 * then until the watch has applied every {@code DeadlineScheduled}. Prints cases per second for both and the store
 * commands (round trips) per case, by command and collection, as the driver's command listener saw them. Run from the
 * repository root:
 *
 * <pre>
 * mvn -q -o -pl sla-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp sla-service/target/test-classes:sla-service/target/classes:$(cat sla-service/target/cp.txt) \
 *   se.medborgardialog.sla.CaseEventsBenchmark 4000
 * </pre>
 */
public final class CaseEventsBenchmark {

    private static final String PROCESSED = "medborgardialog.messages.processed";

    private CaseEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.CASES, Topics.DEADLINES);
        broker.afterPropertiesSet();
        try {
            run(broker, cases);
        } finally {
            broker.destroy();
        }
        // the broker's and the service's leftover threads would keep the JVM alive
        System.exit(0);
    }

    private static void run(EmbeddedKafkaKraftBroker broker, int cases) throws Exception {
        Instant now = Instant.now();
        try (CaseTopic topic = new CaseTopic(broker.getBrokersAsString(), JsonMapper.builder().build())) {
            List<CaseTopic.Event> chunk = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                var opened = CaseTopic.opened(SlaIntegrationTestSupport.newCase(), "stadsmiljo", now);
                chunk.add(topic.event(opened.caseId(), EventTypes.CASE_OPENED, opened));
                if (chunk.size() == 500 || i == cases - 1) {
                    topic.sendTogether(chunk);
                    chunk.clear();
                }
            }
        }
        Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                Object collection = event.getCommand().isEmpty() ? "" : event.getCommand().get(event.getCommandName());
                commands.computeIfAbsent(event.getCommandName() + " " + collection, name -> new AtomicLong())
                        .incrementAndGet();
            }
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlaApplication.class)
                .initializers(c -> ((DefaultListableBeanFactory) c.getBeanFactory()).registerSingleton("commandCounter",
                        (MongoClientSettingsBuilderCustomizer) b -> b.addCommandListener(counter)))
                .run("--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + InProcessMongo.uri("sla-benchmark"),
                        "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=earliest",
                        "--logging.level.root=WARN");
        try {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            long started = System.nanoTime();
            long first = 0;
            Map<String, Long> atFirst = Map.of();
            long handled = 0;
            while (handled < cases) {
                handled = count(registry, EventTypes.CASE_OPENED);
                if (first == 0 && handled > 0) {
                    first = System.nanoTime();
                    atFirst = snapshot(commands);
                }
                within(started, handled, cases);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            Map<String, Long> atLast = snapshot(commands);
            long watched = 0;
            while (watched < cases) {
                watched = count(registry, EventTypes.DEADLINE_SCHEDULED);
                within(started, watched, cases);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double watchSeconds = (System.nanoTime() - first) / 1e9;
            Map<String, Long> atWatched = snapshot(commands);
            System.out.printf("%,d CaseOpened handled in %.1f s after the first: %.1f cases/s; the watch applied every"
                    + " DeadlineScheduled %.1f s after the first: %.1f cases/s%n", cases, seconds, cases / seconds,
                    watchSeconds, cases / watchSeconds);
            System.out.printf("store commands per case while the cases were handled: %.2f; by command %s%n",
                    per(atFirst, atLast, cases, null), perCommand(atFirst, atLast, cases));
            System.out.printf("store commands per case until the watch was done: %.2f; by command %s%n",
                    per(atFirst, atWatched, cases, null), perCommand(atFirst, atWatched, cases));
        } finally {
            context.close();
        }
    }

    /** The consumer's count of records of this type handled (processed). */
    private static long count(MeterRegistry registry, String type) {
        return registry.find(PROCESSED).tag("type", type).tag("outcome", "processed").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private static void within(long started, long done, int expected) {
        if (Duration.ofNanos(System.nanoTime() - started).toMinutes() > 30) {
            throw new IllegalStateException("Only " + done + " of " + expected + " in 30 minutes");
        }
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> commands) {
        Map<String, Long> copy = new TreeMap<>();
        commands.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    private static double per(Map<String, Long> from, Map<String, Long> to, int cases, String name) {
        long used = 0;
        for (var entry : to.entrySet()) {
            if (name == null || name.equals(entry.getKey())) {
                used += entry.getValue() - from.getOrDefault(entry.getKey(), 0L);
            }
        }
        return (double) used / cases;
    }

    private static Map<String, String> perCommand(Map<String, Long> from, Map<String, Long> to, int cases) {
        Map<String, String> per = new TreeMap<>();
        to.keySet().forEach(name -> {
            double value = per(from, to, cases, name);
            if (value >= 0.005) {
                per.put(name, String.format("%.2f", value));
            }
        });
        return per;
    }
}
