package se.medborgardialog.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BackendIdIndexIntegrationTests extends IdIndexLookupContract {

    @Override
    MongoBackend plainBackend() {
        return H2Backend.inMemory();
    }

    @Override
    MongoBackend idIndexedBackend() {
        return new IdIndexedH2Backend(new MVStore.Builder().open());
    }

    @Override
    long documentsExamined(MongoBackend backend, String collection) {
        return examinedIn((AbstractMongoBackend) backend, collection,
                c -> ((IdIndexedH2Backend.Collection) c).documentsExamined());
    }

    @Test
    void aStoreFileWrittenByTheLibraryReopensIdIndexed(@TempDir Path directory) {
        String file = directory.resolve("store.mv").toString();
        H2Backend library = new H2Backend(file);
        write(library, List.of(new Document("_id", "a").append("version", 1), new Document("_id", "b").append("version", 2)));
        library.close();

        IdIndexedH2Backend reopened = new IdIndexedH2Backend(new MVStore.Builder().fileName(file).open());
        MongoServer server = new MongoServer(reopened);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> collection = client.getDatabase("db").getCollection("c");
            long before = documentsExamined(reopened, "c");
            assertThat(collection.find(Document.parse("{_id: 'b', version: 2}")).first()).containsEntry("version", 2);
            assertThat(documentsExamined(reopened, "c") - before).isEqualTo(1);
            assertThat(collection.countDocuments()).isEqualTo(2);
        } finally {
            server.shutdownNow();
        }
    }

    private static void write(MongoBackend backend, List<Document> documents) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            client.getDatabase("db").getCollection("c").insertMany(documents);
        } finally {
            server.shutdown();
        }
    }
}
