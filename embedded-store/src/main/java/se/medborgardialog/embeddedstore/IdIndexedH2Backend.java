package se.medborgardialog.embeddedstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend, with filters that pin {@code _id} served by the {@code _id} index ({@link IdIndexLookup}). */
public class IdIndexedH2Backend extends H2Backend {

    public IdIndexedH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    public IdIndexedH2Backend(MVStore mvStore, Clock clock) {
        super(mvStore, clock);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * Inner, not static: H2Database opens its existing collections from its own constructor, before a
     * subclass's fields are set, so the store is read from the enclosing backend (set before that call).
     */
    final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The map names H2Database itself uses, so files written by either backend open in the other.
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> metaMap = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    /** An H2 collection that examines only the id index's candidates when a filter pins the id. */
    public static final class Collection extends H2Collection {

        private final LongAdder documentsExamined = new LongAdder();

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document projection) {
            Iterable<Object> candidates = IdIndexLookup.candidates(query, orderBy, getIdField(), getIndexes());
            if (candidates == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
            }
            return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, projection);
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
