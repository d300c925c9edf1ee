package se.medborgardialog.embeddedstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Prints the wall time of one guarded update ({@code {_id, version: {$gte: 0}}}, {@code $inc}) over the real driver
 * against the stock backends and the id-indexed ones, at growing collection sizes. Not a test: figures, no
 * assertions. Run from the module with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:<test classpath> se.medborgardialog.embeddedstore.GuardedUpdateBenchmark}.
 */
public final class GuardedUpdateBenchmark {

    private static final int UPDATES = 300;

    private GuardedUpdateBenchmark() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = List.of(1_000, 10_000, 50_000);
        measure("memory stock", MemoryBackend::new, sizes);
        measure("memory id-indexed", IdIndexedMemoryBackend::new, sizes);
        measure("h2 stock", () -> new H2Backend(new MVStore.Builder().open()), sizes);
        measure("h2 id-indexed", () -> new IdIndexedH2Backend(new MVStore.Builder().open()), sizes);
    }

    private static void measure(String name, Supplier<MongoBackend> backend, List<Integer> sizes) {
        for (int size : sizes) {
            MongoServer server = new MongoServer(backend.get());
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
                MongoCollection<Document> collection = client.getDatabase("db").getCollection("c");
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    batch.add(new Document("_id", "d-" + i).append("version", 0).append("text", "x".repeat(200)));
                    if (batch.size() == 1_000) {
                        collection.insertMany(batch);
                        batch.clear();
                    }
                }
                Random random = new Random(1);
                update(collection, random, size, 50);
                long started = System.nanoTime();
                update(collection, random, size, UPDATES);
                double millis = (System.nanoTime() - started) / 1e6 / UPDATES;
                System.out.printf("%s, %,d documents: %.2f ms per guarded update%n", name, size, millis);
            } finally {
                server.shutdownNow();
            }
        }
    }

    private static void update(MongoCollection<Document> collection, Random random, int size, int times) {
        for (int i = 0; i < times; i++) {
            collection.updateOne(new Document("_id", "d-" + random.nextInt(size)).append("version", new Document("$gte", 0)),
                    new Document("$inc", new Document("version", 1)));
        }
    }
}
