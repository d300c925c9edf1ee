package se.medborgardialog.embeddedstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class MemoryBackendIdIndexIntegrationTests extends IdIndexLookupContract {

    @Override
    MongoBackend plainBackend() {
        return new MemoryBackend();
    }

    @Override
    MongoBackend idIndexedBackend() {
        return new IdIndexedMemoryBackend();
    }

    @Override
    long documentsExamined(MongoBackend backend, String collection) {
        return examinedIn((AbstractMongoBackend) backend, collection,
                c -> ((IdIndexedMemoryBackend.Collection) c).documentsExamined());
    }
}
