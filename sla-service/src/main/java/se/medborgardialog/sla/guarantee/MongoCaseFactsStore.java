package se.medborgardialog.sla.guarantee;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

@Component
class MongoCaseFactsStore implements CaseFactsStore {

    private final MongoOperations mongo;

    MongoCaseFactsStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insertIfAbsent(CaseFacts facts) {
        try {
            mongo.insert(facts);
            return true;
        } catch (DuplicateKeyException e) {
            // Known already: a redelivered CaseOpened.
            return false;
        }
    }

    /** One unordered {@code insertMany}: a case known already (a redelivery) does not keep the others out. */
    @Override
    public Set<String> insertAllIfAbsent(List<CaseFacts> facts) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = new ArrayList<>(facts.size());
        Set<String> stored = new LinkedHashSet<>();
        for (CaseFacts known : facts) {
            Document document = new Document();
            mongo.getConverter().write(known, document);
            documents.add(document);
            stored.add(known.caseId());
        }
        try {
            mongo.getCollection(mongo.getCollectionName(CaseFacts.class))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException someKnown) {
            for (BulkWriteError error : someKnown.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw someKnown;
                }
                stored.remove(facts.get(error.getIndex()).caseId());
            }
        }
        return stored;
    }

    @Override
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFacts.class));
    }

    @Override
    public void save(CaseFacts facts) {
        mongo.save(facts);
    }
}
