package se.medborgardialog.benchmark.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bson.Document;
import se.medborgardialog.localstack.StoreServer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the local stack's store can do on its own: the local stack's {@link StoreServer} (mongo-java-server's H2
 * backend with the {@code _id} look-ups and group commit) in its own JVM with the local stack's flags, driven through
 * the real driver by closed-loop clients that insert or update documents of a case's size by {@code _id}, one per round
 * trip or many per bulk. The pipeline's services make a handful of such round trips per case each, so this is the
 * ceiling the store puts on the pipeline (README, Benchmark: what limits it).
 *
 * <p>Options: {@code --clients=1,4,16} (concurrent clients), {@code --batches=1,100} (documents per round trip),
 * {@code --duration=PT15S} (each cell), {@code --doc-bytes=1500}, {@code --results=benchmark/results}. Writes
 * {@code store-throughput.json} and {@code .md} there.
 */
public final class StoreThroughputBenchmark {

    private static final int UPDATE_POOL = 20_000;
    /** Inserted ids, unique across every cell of a run. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private StoreThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = PipelineBenchmark.options(args);
        List<Integer> clients = ints(o.getOrDefault("clients", "1,4,16"));
        List<Integer> batches = ints(o.getOrDefault("batches", "1,100"));
        Duration duration = Duration.parse(o.getOrDefault("duration", "PT15S"));
        int docBytes = Integer.parseInt(o.getOrDefault("doc-bytes", "1500"));
        Path results = Path.of(o.getOrDefault("results", "benchmark/results"));
        Path dir = Files.createTempDirectory("store-throughput");
        int port = freePort();
        String loadBefore = PipelineBenchmark.Machine.loadAverage();
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StoreServer.class.getName(),
                Integer.toString(port), dir.resolve("store.mv").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("store.log").toFile()).start();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?maxPoolSize=64")) {
            awaitPort(port);
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
            String padding = "x".repeat(docBytes);
            fillUpdatePool(docs, padding);
            ProcessSampler cpu = new ProcessSampler(Map.of("store", store.pid()));
            for (String operation : List.of("insert", "update")) {
                for (int batch : batches) {
                    for (int n : clients) {
                        ProcessSampler.Mark mark = cpu.begin();
                        Map<String, Object> row = run(docs, operation, batch, n, duration, padding);
                        row.put("storeCpuPercentOfOneCore", cpu.end(mark).get("store").get("cpuPercentOfOneCore"));
                        rows.add(row);
                        System.out.printf("%-6s batch %4d, %2d clients: %,9.0f documents/s, %,7.0f round trips/s, "
                                        + "round trip p50 %s ms, p99 %s ms, store CPU %s %%%n", operation, batch, n,
                                row.get("documentsPerSecond"), row.get("roundTripsPerSecond"), row.get("roundTripP50Ms"),
                                row.get("roundTripP99Ms"), row.get("storeCpuPercentOfOneCore"));
                    }
                }
            }
        } finally {
            store.destroy();
            store.waitFor();
            deleteRecursively(dir);
        }
        write(results, rows, duration, docBytes, loadBefore, PipelineBenchmark.Machine.loadAverage());
    }

    private static void fillUpdatePool(MongoCollection<Document> docs, String padding) {
        List<Document> pool = new ArrayList<>();
        for (int i = 0; i < UPDATE_POOL; i++) {
            pool.add(new Document("_id", "u-" + i).append("n", 0).append("body", padding));
            if (pool.size() == 1_000) {
                docs.insertMany(pool);
                pool.clear();
            }
        }
    }

    private static Map<String, Object> run(MongoCollection<Document> docs, String operation, int batch, int clients,
            Duration duration, String padding) throws Exception {
        AtomicLong roundTrips = new AtomicLong();
        Samples latencies = new Samples();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    if (operation.equals("insert")) {
                        insert(docs, batch, SEQUENCE, padding);
                    } else {
                        update(docs, batch);
                    }
                    latencies.add((System.nanoTime() - began) / 1_000_000);
                    roundTrips.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", operation);
        row.put("documentsPerRoundTrip", batch);
        row.put("clients", clients);
        row.put("roundTripsPerSecond", Math.round(roundTrips.get() / seconds * 10) / 10.0);
        row.put("documentsPerSecond", Math.round(roundTrips.get() * batch / seconds * 10) / 10.0);
        row.put("roundTripP50Ms", latencies.percentile(50));
        row.put("roundTripP99Ms", latencies.percentile(99));
        return row;
    }

    private static void insert(MongoCollection<Document> docs, int batch, AtomicLong sequence, String padding) {
        if (batch == 1) {
            docs.insertOne(new Document("_id", "i-" + sequence.incrementAndGet()).append("n", 0).append("body", padding));
            return;
        }
        List<Document> many = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            many.add(new Document("_id", "i-" + sequence.incrementAndGet()).append("n", 0).append("body", padding));
        }
        docs.insertMany(many, new InsertManyOptions().ordered(false));
    }

    private static void update(MongoCollection<Document> docs, int batch) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (batch == 1) {
            docs.updateOne(Filters.eq("_id", "u-" + random.nextInt(UPDATE_POOL)), Updates.inc("n", 1));
            return;
        }
        List<UpdateOneModel<Document>> many = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            many.add(new UpdateOneModel<>(Filters.eq("_id", "u-" + random.nextInt(UPDATE_POOL)), Updates.inc("n", 1)));
        }
        docs.bulkWrite(many, new BulkWriteOptions().ordered(false));
    }

    private static void write(Path results, List<Map<String, Object>> rows, Duration duration, int docBytes,
            String loadBefore, String loadAfter) throws IOException {
        Files.createDirectories(results);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", PipelineBenchmark.Machine.describe());
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAfter);
        json.put("durationPerCell", duration.toString());
        json.put("documentBytes", docBytes);
        json.put("rows", rows);
        Files.writeString(results.resolve("store-throughput.json"),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
        StringBuilder md = new StringBuilder("# The local stack's store on its own\n\n")
                .append("Machine: ").append(PipelineBenchmark.Machine.describe()).append("; load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after; ").append(duration)
                .append(" per cell; documents of ").append(docBytes).append(" bytes, written by `_id`.\n\n")
                .append("| operation | documents per round trip | clients | documents/s | round trips/s | round trip p50 ms "
                        + "| p99 ms | store CPU % of a core |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.forEach(r -> md.append("| ").append(r.get("operation")).append(" | ").append(r.get("documentsPerRoundTrip"))
                .append(" | ").append(r.get("clients")).append(" | ").append(r.get("documentsPerSecond")).append(" | ")
                .append(r.get("roundTripsPerSecond")).append(" | ").append(r.get("roundTripP50Ms")).append(" | ")
                .append(r.get("roundTripP99Ms")).append(" | ").append(r.get("storeCpuPercentOfOneCore")).append(" |\n"));
        Files.writeString(results.resolve("store-throughput.md"), md);
        System.out.println("Wrote " + results.resolve("store-throughput.md"));
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the store did not listen on " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
