package se.medborgardialog.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * sla-service's timer at scale (README: sla-service, Scale). Starts the embedded store (mongo-java-server, H2 file backend) and an in-process Kafka broker, inserts {@code --clocks} running clocks directly into the store
 * in batches, {@code --burst} of them due at the end of the same Stockholm day, then starts sla-service (its exec
 * jar, in its own JVM) with its clock shifted so that day ends {@code --lead} after the start. It reports the index
 * load time, the lag of every burst breach (Kafka record time of the DeadlineBreached minus the due time, both on
 * the service's clock) while a trickle of new and answered cases flows through the consumer, and the heap.
 *
 * <p>The store is mongo-java-server's H2 backend on a file, in this JVM. Filling it takes long (a million clocks: about
 * half an hour here), so a filled store is kept under {@code benchmark/target/filled-<clocks>-<burst>} (or
 * {@code --store=<dir>}) with its burst in {@code burst.txt}, and each run works on a copy; {@code --fill-only=true}
 * only fills. Run: {@code mvn -q -pl sla-service,benchmark -am package -DskipTests && java -cp
 * benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt) se.medborgardialog.benchmark.ClockBenchmark}
 */
public final class ClockBenchmark {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int PARTITIONS = 3;
    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int clocks = Integer.parseInt(options.getOrDefault("clocks", "1000000"));
        int burst = Integer.parseInt(options.getOrDefault("burst", "10000"));
        int trickle = Integer.parseInt(options.getOrDefault("trickle", "50"));
        Duration lead = Duration.parse(options.getOrDefault("lead", "PT150S"));
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        Path run = home.resolve("benchmark/target/run");
        deleteRecursively(run);
        Files.createDirectories(run);
        Path jar = home.resolve("sla-service/target/sla-service-0.1.0-SNAPSHOT-exec.jar");
        boolean fillOnly = Boolean.parseBoolean(options.getOrDefault("fill-only", "false"));
        if (!fillOnly && !Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": mvn -q -pl sla-service,benchmark -am package -DskipTests");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + ", Java " + System.getProperty("java.version"));
        result.put("clocks", clocks);
        result.put("burst", burst);
        result.put("trickleCaseEventsPerSecond", trickle);

        int storePort = freePort();
        // A filled store is kept between runs (filling a million clocks into the H2 file takes many minutes): filled
        // once under benchmark/target/filled-<clocks>-<burst>, then copied for each run, which changes its copy only.
        Path filled = options.containsKey("store") ? Path.of(options.get("store")).toAbsolutePath()
                : home.resolve("benchmark/target/filled-" + clocks + "-" + burst);
        Path meta = filled.resolve("burst.txt");
        if (!Files.exists(meta)) {
            fill(filled, clocks, burst);
        } else {
            System.out.printf("Reusing the filled store %s%n", filled);
        }
        if (fillOnly) {
            return;
        }
        List<String> metaLines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        result.put("insertSeconds", Double.parseDouble(metaLines.get(0).split(" ")[1]));
        LocalDate burstDay = LocalDate.parse(metaLines.get(1));
        Instant burstDue = burstDay.plusDays(1).atStartOfDay(STOCKHOLM).toInstant();
        Set<String> burstCases = new HashSet<>(metaLines.subList(2, metaLines.size()));
        copyRecursively(filled.resolve("store"), run.resolve("store"));
        // mongo-java-server's H2 backend on a file with the 256 MB cache STACK.md measured; it commits about once a
        // second (what sla-service's checkpoints are for). The local stack's StoreServer, which also commits before
        // every reply, failed here with "Chunk … not found" under this load (README: sla-service, Scale).
        MVStore mvStore = new MVStore.Builder().fileName(run.resolve("store/store.mv").toString()).cacheSize(256)
                .autoCompactFillRate(0).open();
        MongoServer store = new MongoServer(new H2Backend(mvStore));
        store.bind("127.0.0.1", storePort);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.CASES, Topics.DEADLINES,
                "medborgardialog.cases.v1.sla-service.dlt");
        broker.afterPropertiesSet();
        String brokers = broker.getBrokersAsString();
        String storeUri = "mongodb://127.0.0.1:" + storePort;

        Instant start = Instant.now();
        Duration offset = Duration.between(start.plus(lead), burstDue);
        int httpPort = freePort();
        Path log = run.resolve("sla-service.log");
        Process service = new ProcessBuilder(javaBin(), "-Xmx4g", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--spring.mongodb.uri=" + storeUri + "/sla",
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers, "--sla.clock.offset=" + offset,
                "--logging.level.se.medborgardialog.sla.deadline=WARN", "--logging.level.se.medborgardialog.sla.deadline.DeadlineFiring=INFO")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
        try {
            long loadMillis = awaitLoaded(log, Duration.ofMinutes(10));
            double ready = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            result.put("indexLoadMillis", loadMillis);
            result.put("serviceReadySeconds", round(ready));
            result.put("heapAfterLoadMiB", heapMiB(httpPort));
            System.out.printf("Index loaded in %,d ms (service up and loaded %.1f s after start); burst due %.0f s after start%n",
                    loadMillis, ready, (double) lead.toSeconds());

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong trickled = new AtomicLong();
            Thread trickler = new Thread(() -> trickle(brokers, trickle, offset, stop, trickled), "trickle");
            trickler.start();
            List<Long> lags = readBreaches(brokers, burstCases, burstDue, offset, start.plus(lead).plus(Duration.ofMinutes(3)));
            stop.set(true);
            trickler.join();
            result.put("trickledCaseEvents", trickled.get());
            result.put("breachesRead", lags.size());
            result.put("heapAfterBurstMiB", heapMiB(httpPort));
            Collections.sort(lags);
            if (!lags.isEmpty()) {
                result.put("lagMinMillis", lags.get(0));
                result.put("lagP50Millis", percentile(lags, 50));
                result.put("lagP95Millis", percentile(lags, 95));
                result.put("lagP99Millis", percentile(lags, 99));
                result.put("lagMaxMillis", lags.get(lags.size() - 1));
            }
        } finally {
            service.destroy();
            service.waitFor();
            broker.destroy();
            store.shutdown();
        }
        report(home.resolve("benchmark/results"), result);
        System.exit(0);
    }

    /** Fills a store of its own at {@code dir} and writes {@code burst.txt}: the fill time, the burst day, the burst's cases. */
    private static void fill(Path dir, int clocks, int burst) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("store"));
        MVStore mvStore = new MVStore.Builder().fileName(dir.resolve("store/store.mv").toString()).cacheSize(256)
                .autoCompactFillRate(0).open();
        MongoServer server = new MongoServer(new H2Backend(mvStore));
        int port = freePort();
        server.bind("127.0.0.1", port);
        LocalDate burstDay = LocalDate.now(STOCKHOLM).plusDays(30);
        Set<String> burstCases = new HashSet<>();
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> deadlines = client.getDatabase("sla").getCollection("deadlines");
            // The unique index sla-service creates at its first start, on the empty collection as it would be: building
            // it over a filled collection failed on this backend ("Chunk … not found").
            deadlines.createIndex(new Document("_id", 1).append("version", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("id_version"));
            insertClocks(deadlines, clocks, burst, burstDay, burstCases);
        } finally {
            server.shutdown();
            mvStore.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Inserted %,d clocks in %.1f s%n", clocks, seconds);
        List<String> lines = new ArrayList<>();
        lines.add("insertSeconds " + round(seconds));
        lines.add(burstDay.toString());
        lines.addAll(burstCases);
        Files.write(dir.resolve("burst.txt"), lines, StandardCharsets.UTF_8);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void insertClocks(MongoCollection<Document> deadlines, int clocks, int burst, LocalDate burstDay,
                                     Set<String> burstCases) {
        List<Document> batch = new ArrayList<>(1000);
        for (int i = 0; i < clocks; i++) {
            String caseId = UUID.randomUUID().toString();
            LocalDate due = i < burst ? burstDay : burstDay.plusDays(1 + (i % 200));
            if (i < burst) {
                burstCases.add(caseId);
            }
            Instant dueAt = due.plusDays(1).atStartOfDay(STOCKHOLM).toInstant().minusMillis(1);
            batch.add(new Document("_id", caseId + ":first-answer").append("caseId", caseId).append("unit", "stadsmiljo")
                    .append("clock", "first-answer").append("workingDays", 2)
                    .append("receivedAt", Date.from(dueAt.minus(Duration.ofDays(3))))
                    .append("dueDate", Date.from(due.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .append("dueAt", Date.from(dueAt)).append("status", "RUNNING")
                    .append("pauses", List.of()).append("pendingEvents", List.of()).append("version", 0L));
            if (batch.size() == BATCH) {
                deadlines.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
                if ((i + 1) % 50_000 == 0) {
                    System.out.printf("  %,d inserted at %s%n", i + 1, Instant.now());
                }
            }
        }
        if (!batch.isEmpty()) {
            deadlines.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    /** New cases opened (and every other one answered) at a steady rate, on the service's clock. */
    private static void trickle(String brokers, int perSecond, Duration offset, AtomicBoolean stop, AtomicLong sent) {
        if (perSecond <= 0) {
            return;
        }
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            int n = 0;
            while (!stop.get()) {
                CaseId caseId = new CaseId(UUID.randomUUID());
                Instant now = Instant.now().plus(offset);
                send(producer, caseId, EventTypes.CASE_OPENED, json.writeValueAsBytes(new CaseOpened(caseId,
                        new SubmissionId(caseId.value()), null, SynpunktKind.KLAGOMAL, "gata-och-trafik", Channel.WEB,
                        "stadsmiljo", now, now, CaseType.SYNPUNKT, null)));
                if (n++ % 2 == 0) {
                    send(producer, caseId, EventTypes.CASE_ANSWERED,
                            json.writeValueAsBytes(new CaseAnswered(caseId, "stadsmiljo", now, "anna")));
                    sent.incrementAndGet();
                }
                sent.incrementAndGet();
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, CaseId caseId, String type, byte[] payload) {
        var record = new ProducerRecord<String, byte[]>(Topics.CASES, caseId.toString(), payload);
        record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")))
                .add(new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())))
                .add(new RecordHeader("ce_source", bytes(EventTypes.SOURCE_CASES)))
                .add(new RecordHeader("ce_type", bytes(type)))
                .add(new RecordHeader("ce_time", bytes(Instant.now().toString())))
                .add(new RecordHeader("content-type", bytes("application/json")));
        producer.send(record);
    }

    /** The lag of each burst clock's first DeadlineBreached: record time on the service's clock minus the due time. */
    private static List<Long> readBreaches(String brokers, Set<String> burstCases, Instant due, Duration offset,
                                           Instant giveUp) {
        Map<String, Long> lagByCase = new HashMap<>();
        int duplicates = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DEADLINES));
            while (lagByCase.size() < burstCases.size() && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && EventTypes.DEADLINE_BREACHED.equals(new String(type.value(), StandardCharsets.UTF_8))
                            && burstCases.contains(record.key())) {
                        long lag = record.timestamp() + offset.toMillis() - due.toEpochMilli();
                        if (lagByCase.putIfAbsent(record.key(), lag) != null) {
                            duplicates++;
                        }
                    }
                }
            }
        }
        System.out.printf("Read %,d of %,d burst breaches (%d duplicate records)%n", lagByCase.size(), burstCases.size(), duplicates);
        return new ArrayList<>(lagByCase.values());
    }

    private static long awaitLoaded(Path log, Duration timeout) throws Exception {
        Pattern loaded = Pattern.compile("Loaded (\\d+) of (\\d+) running clock\\(s\\) for partitions \\[([0-9, ]+)\\] in (\\d+) ms");
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (Files.exists(log)) {
                int partitions = 0;
                long millis = 0;
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = loaded.matcher(line);
                    if (m.find()) {
                        partitions = m.group(3).split(",").length;
                        millis = Long.parseLong(m.group(4));
                    }
                    if (line.contains("APPLICATION FAILED TO START")) {
                        throw new IllegalStateException("sla-service failed to start, see " + log);
                    }
                }
                if (partitions == PARTITIONS) {
                    return millis;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("sla-service did not load its index in " + timeout + ", see " + log);
    }

    private static long heapMiB(int port) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            double bytes = body.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            return Math.round(bytes / (1024 * 1024));
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void report(Path dir, Map<String, Object> result) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n");
        StringBuilder md = new StringBuilder("# sla-service clock benchmark\n\n| measure | value |\n| --- | --- |\n");
        result.forEach((key, value) -> {
            String quoted = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
            json.append("  \"").append(key).append("\": ").append(quoted).append(",\n");
            md.append("| ").append(key).append(" | ").append(value).append(" |\n");
            System.out.printf("%-28s %s%n", key, value);
        });
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Files.writeString(dir.resolve("clock-benchmark.json"), json);
        Files.writeString(dir.resolve("clock-benchmark.md"), md);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
