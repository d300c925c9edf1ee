package se.medborgardialog.reporting;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (not run by {@code mvn verify}): how fast reporting-service's consumers count a backlog. Fills a real
 * in-process broker (3 partitions per topic, as the local stack) with {@code cases} cases' {@code CaseOpened} and
 * {@code DeadlineScheduled}, then starts the service on it and the in-process store and waits until every event is
 * counted. Prints the events counted per second and the store commands (round trips) per event, by command, as the
 * driver's command listener saw them. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl reporting-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/cp.txt) \
 *   se.medborgardialog.reporting.ConsumerBenchmark 2000
 * </pre>
 */
public final class ConsumerBenchmark {

    private ConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.CASES, Topics.DEADLINES,
                Topics.SUBMISSIONS);
        broker.afterPropertiesSet();
        Instant day = Instant.parse("2027-03-02T09:00:00Z");
        try (EventStream stream = new EventStream(broker.getBrokersAsString(), JsonMapper.builder().build())) {
            for (int i = 0; i < cases; i++) {
                CaseId id = EventStream.newCase();
                Instant received = day.plusSeconds(i);
                stream.send(EventStream.klagomal(id, "stadsmiljo", received));
                stream.send(EventStream.scheduled(id, received));
            }
        }
        Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), name -> new AtomicLong()).incrementAndGet();
            }
        };
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingApplication.class)
                .initializers(c -> ((org.springframework.beans.factory.support.DefaultListableBeanFactory) c.getBeanFactory())
                        .registerSingleton("commandCounter", (MongoClientSettingsBuilderCustomizer) b -> b.addCommandListener(counter)))
                .run("--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + InProcessMongo.uri("reporting-benchmark"),
                        "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=earliest",
                        "--logging.level.root=WARN");
        try {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            long expected = 2L * cases;
            long firstCounted = 0;
            long baseCommands = 0;
            long counted = 0;
            while (counted < expected) {
                counted = (long) registry.find("medborgardialog.reporting.events").counters().stream()
                        .mapToDouble(c -> c.count()).sum();
                if (firstCounted == 0 && counted > 0) {
                    firstCounted = System.nanoTime();
                    baseCommands = total(commands);
                }
                if (Duration.ofNanos(System.nanoTime() - started).toMinutes() > 30) {
                    throw new IllegalStateException("Only " + counted + " of " + expected + " counted in 30 minutes");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            double seconds = (System.nanoTime() - firstCounted) / 1e9;
            long used = total(commands) - baseCommands;
            System.out.printf("%,d cases (%,d events) counted in %.1f s after the first: %.1f events/s, %.1f cases/s%n",
                    cases, expected, seconds, expected / seconds, cases / seconds);
            System.out.printf("store commands: %,d in all, %.2f per event; by command %s%n", total(commands),
                    (double) used / expected, commands);
        } finally {
            context.close();
            broker.destroy();
        }
    }

    private static long total(Map<String, AtomicLong> commands) {
        return commands.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
