package se.medborgardialog.embeddedstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Clock;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/** mongo-java-server's memory backend, with filters that pin {@code _id} served by the {@code _id} index ({@link IdIndexLookup}). */
public class IdIndexedMemoryBackend extends MemoryBackend {

    public IdIndexedMemoryBackend() {
    }

    public IdIndexedMemoryBackend(Clock clock) {
        super(clock);
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    static final class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }
    }

    /** A memory collection that examines only the id index's candidates when a filter pins the id. */
    public static final class Collection extends MemoryCollection {

        private final LongAdder documentsExamined = new LongAdder();

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document projection) {
            Iterable<Integer> candidates = IdIndexLookup.candidates(query, orderBy, getIdField(), getIndexes());
            if (candidates == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
            }
            // Positions in ascending order are the order a scan would have found them in.
            TreeSet<Integer> inScanOrder = new TreeSet<>();
            candidates.forEach(inScanOrder::add);
            return matchDocuments(query, inScanOrder, orderBy, numberToSkip, limit, batchSize, projection);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            documentsExamined.increment();
            return super.documentMatchesQuery(document, query);
        }

        /** How many documents this collection has tested against a filter; lets tests see a scan. */
        public long documentsExamined() {
            return documentsExamined.sum();
        }
    }
}
