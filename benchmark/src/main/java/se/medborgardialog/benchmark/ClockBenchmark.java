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
import se.medborgardialog.embeddedstore.IdIndexedH2Backend;
import de.bwaldvogel.mongo.MongoServer;
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
 * half an hour here), so a filled store is kept under {@code benchmark/target/filled-v2-<clocks>-<burst>} (or
 * {@code --store=<dir>}) with its burst in {@code burst.txt}, and each run works on a copy; {@code --fill-only=true}
 * only fills. Run: {@code mvn -q -pl sla-service,benchmark -am package -DskipTests && java -cp
 * benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt) se.medborgardialog.benchmark.ClockBenchmark}
 */
public final class ClockBenchmark {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int PARTITIONS = 3;
    private static final int BATCH = 1000;
    /** sla-service's default {@code sla.timer.index-buckets}. */
    private static final int INDEX_BUCKETS = 256;

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
        // --jar: a copy of the exec jar, so a build may repackage sla-service while the benchmark runs.
        Path jar = options.containsKey("jar") ? Path.of(options.get("jar")).toAbsolutePath()
                : home.resolve("sla-service/target/sla-service-0.1.0-SNAPSHOT-exec.jar");
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
        result.put("loadAverageAtStart", loadAverage());

        int storePort = freePort();
        // A filled store is kept between runs (filling a million clocks into the H2 file takes many minutes): filled
        // once under benchmark/target/filled-v2-<clocks>-<burst>, then copied for each run, which changes its copy only.
        Path filled = options.containsKey("store") ? Path.of(options.get("store")).toAbsolutePath()
                : home.resolve("benchmark/target/filled-v2-" + clocks + "-" + burst);
        Path meta = filled.resolve("burst.txt");
        if (Files.exists(meta) && Boolean.parseBoolean(options.getOrDefault("rewrite-index", "false"))) {
            rewriteIndexCopy(filled, clocks, burst);
        }
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
        MongoServer store = new MongoServer(new IdIndexedH2Backend(mvStore));
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
            long[] loaded = awaitLoaded(log, Duration.ofMinutes(10));
            long loadMillis = loaded[0];
            double ready = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            result.put("indexLoadMillis", loadMillis);
            result.put("clocksLoaded", loaded[1]);
            if (loaded[1] != clocks) {
                throw new IllegalStateException("sla-service loaded " + loaded[1] + " of " + clocks + " clocks, see " + log);
            }
            result.put("serviceReadySeconds", round(ready));
            result.put("heapAfterLoadMiB", heapMiB(httpPort));
            result.put("heapAfterLoadAndGcMiB", heapAfterGcMiB(service.pid(), httpPort));
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
            result.put("loadAverageAfterBurst", loadAverage());
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
        report(home.resolve("benchmark/results"), result, clocks);
        System.exit(0);
    }

    /**
     * Fills a store of its own at {@code dir} and writes {@code burst.txt}: the fill time, the burst day, the burst's
     * cases. Resumable: the clocks are a function of their number, so a fill that was stopped goes on from the count
     * it reached (a batch inserted twice is refused by the ids, unordered, and the rest goes in). Then the durable copy
     * of the due index sla-service loads ({@code clock_index}, see sla-service's {@code ClockIndexStore}).
     */
    private static void fill(Path dir, int clocks, int burst) throws IOException {
        Files.createDirectories(dir.resolve("store"));
        MVStore mvStore = new MVStore.Builder().fileName(dir.resolve("store/store.mv").toString()).cacheSize(256)
                .autoCompactFillRate(0).open();
        MongoServer server = new MongoServer(new IdIndexedH2Backend(mvStore));
        int port = freePort();
        server.bind("127.0.0.1", port);
        LocalDate burstDay = burstDay(dir);
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> deadlines = client.getDatabase("sla").getCollection("deadlines");
            // The unique index sla-service creates at its first start, on the empty collection as it would be: building
            // it over a filled collection failed on this backend ("Chunk … not found").
            deadlines.createIndex(new Document("_id", 1).append("version", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("id_version"));
            long present = deadlines.countDocuments();
            int from = (int) Math.min(clocks, present / BATCH * BATCH);
            if (from > 0) {
                System.out.printf("Resuming the fill at clock %,d (%,d stored)%n", from, present);
            }
            insertClocks(deadlines, from, clocks, burst, burstDay);
            writeIndexCopy(client.getDatabase("sla").getCollection("clock_index"), clocks, burst, burstDay);
        } finally {
            server.shutdown();
            mvStore.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Inserted %,d clocks and their index in %.1f s%n", clocks, seconds);
        List<String> lines = new ArrayList<>();
        lines.add("insertSeconds " + round(seconds));
        lines.add(burstDay.toString());
        for (int i = 0; i < burst; i++) {
            lines.add(caseId(i));
        }
        Files.write(dir.resolve("burst.txt"), lines, StandardCharsets.UTF_8);
    }

    /** A filled store's copy of the due index written again (its format changed; the clocks stay). */
    private static void rewriteIndexCopy(Path dir, int clocks, int burst) throws IOException {
        MVStore mvStore = new MVStore.Builder().fileName(dir.resolve("store/store.mv").toString()).cacheSize(256)
                .autoCompactFillRate(0).open();
        MongoServer server = new MongoServer(new IdIndexedH2Backend(mvStore));
        int port = freePort();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            writeIndexCopy(client.getDatabase("sla").getCollection("clock_index"), clocks, burst, burstDay(dir));
        } finally {
            server.shutdown();
            mvStore.close();
        }
    }

    /** The burst day of a fill, kept in {@code day.txt} so a resumed fill uses the same. */
    private static LocalDate burstDay(Path dir) throws IOException {
        Path day = dir.resolve("day.txt");
        if (Files.exists(day)) {
            return LocalDate.parse(Files.readString(day, StandardCharsets.UTF_8).trim());
        }
        LocalDate burstDay = LocalDate.now(STOCKHOLM).plusDays(30);
        Files.writeString(day, burstDay.toString(), StandardCharsets.UTF_8);
        return burstDay;
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

    /**
     * Clock {@code i}'s case id: a UUID whose first group is {@code i}, so ids grow with {@code i} and the H2 file's
     * B-tree appends (random ids made every commit rewrite leaf pages all over the file: 42 min and 5.8 GB for a
     * million); the rest is random-looking, and the Kafka partition (murmur2 of the id) is as for any UUID.
     */
    private static String caseId(int i) {
        long bits = new java.util.SplittableRandom(i).nextLong();
        return String.format("%08x-%04x-4%03x-8%03x-%012x", i, (bits >>> 48) & 0xffff, (bits >>> 36) & 0xfff,
                (bits >>> 24) & 0xfff, bits & 0xffffffffffffL);
    }

    private static LocalDate dueDay(int i, int burst, LocalDate burstDay) {
        return i < burst ? burstDay : burstDay.plusDays(1 + (i % 200));
    }

    private static Instant dueAt(LocalDate due) {
        return due.plusDays(1).atStartOfDay(STOCKHOLM).toInstant().minusMillis(1);
    }

    /** Running first-answer clocks from before the catalogue (no terms), as compact as sla-service stores them. */
    private static void insertClocks(MongoCollection<Document> deadlines, int from, int clocks, int burst,
                                     LocalDate burstDay) {
        List<Document> batch = new ArrayList<>(BATCH);
        long started = System.nanoTime();
        for (int i = from; i < clocks; i++) {
            String caseId = caseId(i);
            LocalDate due = dueDay(i, burst, burstDay);
            Instant dueAt = dueAt(due);
            batch.add(new Document("_id", caseId + ":first-answer").append("caseId", caseId).append("unit", "stadsmiljo")
                    .append("clock", "first-answer").append("workingDays", 2)
                    .append("receivedAt", Date.from(dueAt.minus(Duration.ofDays(3))))
                    .append("dueDate", Date.from(due.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .append("dueAt", Date.from(dueAt)).append("status", "RUNNING")
                    .append("pauses", List.of()).append("pendingEvents", List.of()).append("version", 0L));
            if (batch.size() == BATCH || i == clocks - 1) {
                try {
                    deadlines.insertMany(batch, new InsertManyOptions().ordered(false));
                } catch (com.mongodb.MongoBulkWriteException e) {
                    if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY)) {
                        throw e;
                    }
                }
                batch.clear();
                if ((i + 1) % 50_000 == 0) {
                    System.out.printf("  %,d inserted, %.0f/s%n", i + 1, (i + 1 - from) / ((System.nanoTime() - started) / 1e9));
                }
            }
        }
    }

    /**
     * The durable copy of the due index, complete for every partition: per partition {@link #INDEX_BUCKETS} bucket
     * documents {@code <partitions>/<partition>/<bucket>}, each mapping a clock id (dots escaped) to its entry, one
     * string ({@code clock|due ms|version|unit|guarantee|guarantee version|pauses|points|point times}), the bucket the
     * clock id's hash; then each partition's marker. The format is sla-service's ({@code ClockIndexStore},
     * {@code ClockEntry#toStored}).
     */
    private static void writeIndexCopy(MongoCollection<Document> index, int clocks, int burst, LocalDate burstDay) {
        long started = System.nanoTime();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            Map<String, Document> buckets = new HashMap<>();
            for (int i = 0; i < clocks; i++) {
                String caseId = caseId(i);
                if (org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                        caseId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS != partition) {
                    continue;
                }
                String clockId = caseId + ":first-answer";
                String bucket = PARTITIONS + "/" + partition + "/" + Math.floorMod(clockId.hashCode(), INDEX_BUCKETS);
                buckets.computeIfAbsent(bucket, b -> new Document()).append(clockId.replace("%", "%25")
                        .replace(".", "%2E").replace("$", "%24"),
                        "first-answer|" + dueAt(dueDay(i, burst, burstDay)).toEpochMilli() + "|0|stadsmiljo|||0||");
            }
            List<String> ids = new ArrayList<>(buckets.keySet());
            index.deleteMany(new Document("_id", new Document("$in", ids)));
            List<Document> documents = new ArrayList<>();
            buckets.forEach((id, entries) -> documents.add(new Document("_id", id).append("e", entries)));
            for (int from = 0; from < documents.size(); from += 16) {
                index.insertMany(documents.subList(from, Math.min(documents.size(), from + 16)));
            }
            index.replaceOne(new Document("_id", PARTITIONS + "/" + partition),
                    new Document("_id", PARTITIONS + "/" + partition).append("buckets", INDEX_BUCKETS),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        System.out.printf("Wrote the due index's copy in %.1f s%n", (System.nanoTime() - started) / 1e9);
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

    /** The heap in use right after a full collection ({@code jcmd <pid> GC.run}): what the index really holds. */
    private static long heapAfterGcMiB(long pid, int port) {
        try {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
        return heapMiB(port);
    }

    /** The 1, 5 and 15 minute load averages (other builds share this machine's 2 cores). */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Waits until every partition is loaded: the load time (ms) and the clocks loaded. */
    private static long[] awaitLoaded(Path log, Duration timeout) throws Exception {
        Pattern loaded = Pattern.compile("Loaded (\\d+) of (\\d+) running clock\\(s\\) for partitions \\[([0-9, ]+)\\] in (\\d+) ms");
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (Files.exists(log)) {
                int partitions = 0;
                long millis = 0;
                long indexed = 0;
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = loaded.matcher(line);
                    if (m.find()) {
                        partitions = m.group(3).split(",").length;
                        millis = Long.parseLong(m.group(4));
                        // Entries read: the index may already have fired some by the time the line is written.
                        indexed = Long.parseLong(m.group(2));
                    }
                    if (line.contains("APPLICATION FAILED TO START")) {
                        throw new IllegalStateException("sla-service failed to start, see " + log);
                    }
                }
                if (partitions == PARTITIONS) {
                    return new long[] {millis, indexed};
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

    private static void report(Path dir, Map<String, Object> result, int clocks) throws IOException {
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
        Files.writeString(dir.resolve("clock-benchmark-" + clocks + ".json"), json);
        Files.writeString(dir.resolve("clock-benchmark-" + clocks + ".md"), md);
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
