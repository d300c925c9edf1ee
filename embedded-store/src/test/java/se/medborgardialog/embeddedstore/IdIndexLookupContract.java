package se.medborgardialog.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same operations against the unpatched library and the id-indexed backend, over the real driver: same
 * results, and the id-indexed one examines only the documents the id pins where a filter pins it, and
 * scans as the library does where it does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdIndexLookupContract {

    static final int DOCUMENTS = 20_000;
    static final int EMBEDDED_IDS = 2_000;
    static final long SCAN = -1;

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private MongoBackend patchedBackend;
    MongoCollection<Document> plain;
    MongoCollection<Document> patched;
    MongoCollection<Document> plainEmbedded;
    MongoCollection<Document> patchedEmbedded;

    /** The library's own backend of this kind. */
    abstract MongoBackend plainBackend();

    /** The id-indexed backend of this kind. */
    abstract MongoBackend idIndexedBackend();

    /** How many documents the named collection of the id-indexed backend has tested against filters. */
    abstract long documentsExamined(MongoBackend backend, String collection);

    @BeforeAll
    void fillBothStores() {
        patchedBackend = idIndexedBackend();
        MongoClient plainClient = connect(plainBackend());
        MongoClient patchedClient = connect(patchedBackend);
        plain = plainClient.getDatabase("db").getCollection("c");
        patched = patchedClient.getDatabase("db").getCollection("c");
        plainEmbedded = plainClient.getDatabase("db").getCollection("embedded");
        patchedEmbedded = patchedClient.getDatabase("db").getCollection("embedded");
        for (MongoCollection<Document> collection : List.of(plain, patched)) {
            fill(collection, DOCUMENTS, i -> "d-" + i);
        }
        for (MongoCollection<Document> collection : List.of(plainEmbedded, patchedEmbedded)) {
            fill(collection, EMBEDDED_IDS, i -> new Document("region", i % 2 == 0 ? "north" : "south").append("n", i));
        }
    }

    @AfterAll
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    private MongoClient connect(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        clients.add(client);
        return client;
    }

    private static void fill(MongoCollection<Document> collection, int count, Function<Integer, Object> id) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", id.apply(i))
                    .append("version", i % 5)
                    .append("published", i % 2 == 0)
                    .append("status", i % 3 == 0 ? "open" : "closed")
                    .append("tokens", List.of("t-" + i % 7))
                    .append("linked", List.of(new Document("submissionId", "s-" + i))));
            if (batch.size() == 1_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    @Test
    void findsWithAPinnedIdExamineOnlyThatDocumentAndAgreeWithTheLibrary() {
        List<Document> filters = List.of(
                Document.parse("{_id: 'd-17', version: 2}"),
                Document.parse("{_id: 'd-17', version: 3}"),
                Document.parse("{_id: {$eq: 'd-17'}, published: false}"),
                Document.parse("{_id: {$eq: 'd-18'}, published: false}"),
                Document.parse("{_id: 'd-17', tokens: {$ne: 't-3'}}"),
                Document.parse("{_id: 'd-17', tokens: {$ne: 't-4'}}"),
                Document.parse("{_id: 'd-17', 'linked.submissionId': {$ne: 's-17'}}"),
                Document.parse("{_id: 'd-17', 'linked.submissionId': {$ne: 's-99'}}"),
                Document.parse("{_id: 'd-17', $or: [{version: 1}, {status: 'closed'}]}"),
                Document.parse("{_id: 'absent', version: 1}"),
                Document.parse("{_id: 'd-17'}"));
        for (Document filter : filters) {
            assertSameFind(filter, plain, patched, "c", 1);
        }
    }

    @Test
    void findsWithIdInExamineOnlyTheListedDocuments() {
        assertSameFind(Document.parse("{_id: {$in: ['d-1', 'd-2', 'd-3', 'd-4', 'absent']}, published: true}"),
                plain, patched, "c", 4);
        assertSameFind(Document.parse("{_id: {$in: ['d-9', 'd-3', 'd-9']}, version: {$gte: 3}}"), plain, patched, "c", 2);
        assertSameFind(Document.parse("{_id: {$in: []}, version: 1}"), plain, patched, "c", 0);
    }

    @Test
    void anEmbeddedDocumentIdIsPlainEquality() {
        assertSameFind(Document.parse("{_id: {region: 'south', n: 5}, status: 'closed'}"),
                plainEmbedded, patchedEmbedded, "embedded", 1);
        assertSameFind(Document.parse("{_id: {region: 'north', n: 5}, status: 'closed'}"),
                plainEmbedded, patchedEmbedded, "embedded", 1);
        assertSameFind(Document.parse("{_id: {$eq: {region: 'north', n: 6}}, status: 'open'}"),
                plainEmbedded, patchedEmbedded, "embedded", 1);
        assertSameFind(Document.parse("{_id: {$in: [{region: 'north', n: 6}, {region: 'south', n: 7}]}, version: 2}"),
                plainEmbedded, patchedEmbedded, "embedded", 2);
    }

    @Test
    void idConditionsThatAreNotEqualityScanAsTheLibraryDoes() {
        // Filters that match nothing, so a scan reads every document.
        assertSameFind(Document.parse("{_id: {$ne: 'd-17'}, version: 99}"), plain, patched, "c", SCAN);
        assertSameFind(Document.parse("{_id: {$gt: 'd-1'}, version: 99}"), plain, patched, "c", SCAN);
        assertSameFind(Document.parse("{_id: {$in: ['d-1'], $ne: 'd-2'}, version: 99}"), plain, patched, "c", SCAN);
        assertSameFind(Document.parse("{_id: {$regex: '^d-17$'}, version: 99}"), plain, patched, "c", SCAN);
        assertSameFind(Document.parse("{version: 99, published: true}"), plain, patched, "c", SCAN);
        assertSameFind(Document.parse("{_id: null, version: 99}"), plain, patched, "c", SCAN);
    }

    @Test
    void aGuardedUpdateExaminesOneDocumentAndChangesTheSameAsTheLibrary() {
        Bson matching = Document.parse("{_id: 'd-100', version: 0}");
        Bson stale = Document.parse("{_id: 'd-101', version: 0}");
        Bson increment = Document.parse("{$inc: {version: 1}, $set: {status: 'answered'}}");
        assertSameCounted("c", 1, collection -> collection.updateOne(matching, increment).getModifiedCount());
        assertSameCounted("c", 1, collection -> collection.updateOne(stale, increment).getModifiedCount());
        Bson addToken = Document.parse("{$push: {tokens: 'tok-A'}}");
        Bson tokenAbsent = Document.parse("{_id: 'd-102', tokens: {$ne: 'tok-A'}}");
        assertSameCounted("c", 1, collection -> collection.updateOne(tokenAbsent, addToken).getModifiedCount());
        assertSameCounted("c", 1, collection -> collection.updateOne(tokenAbsent, addToken).getModifiedCount());
        assertSameCounted("c", 3, collection -> collection.updateMany(
                Document.parse("{_id: {$in: ['d-103', 'd-104', 'd-105']}, published: false}"),
                Document.parse("{$set: {published: true}}")).getModifiedCount());
        for (String id : List.of("d-100", "d-101", "d-102", "d-103", "d-104", "d-105")) {
            assertThat(patched.find(new Document("_id", id)).first()).isEqualTo(plain.find(new Document("_id", id)).first());
        }
    }

    @Test
    void findAndModifyWithAGuardExaminesOneDocument() {
        Bson filter = Document.parse("{_id: 'd-200', status: 'closed'}");
        Bson update = Document.parse("{$set: {status: 'answered'}}");
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        assertSameCounted("c", 1, collection -> collection.findOneAndUpdate(filter, update, after));
        assertSameCounted("c", 1, collection -> collection.findOneAndUpdate(filter, update, after));
    }

    @Test
    void anUpsertWhoseGuardFailsOnAnExistingIdIsADuplicateKeyAsInMongoDb() {
        Bson filter = Document.parse("{_id: 'd-300', version: 4}");
        Bson update = Document.parse("{$set: {status: 'answered'}}");
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        assertSameCounted("c", 1, collection -> catchThrowableOfType(MongoWriteException.class,
                () -> collection.updateOne(filter, update, upsert)).getError().getCode());
        assertThat(patched.find(new Document("_id", "d-300")).first().get("version")).isEqualTo(0);
        Bson fresh = Document.parse("{_id: 'new-1', version: 0}");
        assertSameCounted("c", 0, collection -> collection.updateOne(fresh, update, upsert).getUpsertedId());
        assertThat(patched.find(new Document("_id", "new-1")).first()).isEqualTo(plain.find(new Document("_id", "new-1")).first());
    }

    @Test
    void guardedDeletesExamineOnlyTheirCandidates() {
        assertSameCounted("c", 1, collection -> collection.deleteOne(Document.parse("{_id: 'd-400', published: false}"))
                .getDeletedCount());
        assertSameCounted("c", 1, collection -> collection.deleteOne(Document.parse("{_id: 'd-400', published: true}"))
                .getDeletedCount());
        assertSameCounted("c", 3, collection -> collection.deleteMany(
                Document.parse("{_id: {$in: ['d-401', 'd-402', 'd-403']}, version: {$gte: 2}}")).getDeletedCount());
        assertThat(patched.countDocuments(Document.parse("{_id: {$in: ['d-400', 'd-401', 'd-402', 'd-403']}}")))
                .isEqualTo(plain.countDocuments(Document.parse("{_id: {$in: ['d-400', 'd-401', 'd-402', 'd-403']}}")))
                .isEqualTo(1);
    }

    @Test
    void theCountCommandExaminesOnlyThePinnedDocument() {
        Document count = Document.parse("{count: 'c', query: {_id: 'd-500', version: 0}}");
        long before = documentsExamined(patchedBackend, "c");
        Object counted = clients.get(1).getDatabase("db").runCommand(count).get("n");
        assertThat(documentsExamined(patchedBackend, "c") - before).isLessThanOrEqualTo(1);
        assertThat(counted).isEqualTo(clients.get(0).getDatabase("db").runCommand(count).get("n")).isEqualTo(1);
    }

    /** {@code maxExamined} {@link #SCAN} says the filter must read every document, as the library does. */
    private void assertSameFind(Document filter, MongoCollection<Document> library, MongoCollection<Document> idIndexed,
            String collection, long maxExamined) {
        LongSupplier examined = () -> documentsExamined(patchedBackend, collection);
        long before = examined.getAsLong();
        List<Document> found = idIndexed.find(filter).into(new ArrayList<>());
        long examinedNow = examined.getAsLong() - before;
        assertThat(found).as("found by %s", filter.toJson()).isEqualTo(library.find(filter).into(new ArrayList<>()));
        if (maxExamined == SCAN) {
            // Other tests delete a few documents; a scan reads all that are left.
            assertThat(examinedNow).as("examined by %s", filter.toJson())
                    .isEqualTo(idIndexed.estimatedDocumentCount()).isGreaterThan(DOCUMENTS - 100);
        } else {
            assertThat(examinedNow).as("examined by %s", filter.toJson()).isLessThanOrEqualTo(maxExamined);
        }
    }

    private <T> void assertSameCounted(String collection, long maxExamined, Function<MongoCollection<Document>, T> operation) {
        T expected = operation.apply(plain);
        long before = documentsExamined(patchedBackend, collection);
        T actual = operation.apply(patched);
        assertThat(documentsExamined(patchedBackend, collection) - before).isLessThanOrEqualTo(maxExamined);
        assertThat(actual).isEqualTo(expected);
    }

    static long examinedIn(AbstractMongoBackend backend, String collection, Function<Object, Long> examined) {
        return examined.apply(backend.resolveDatabase("db").resolveCollection(collection, true));
    }
}
