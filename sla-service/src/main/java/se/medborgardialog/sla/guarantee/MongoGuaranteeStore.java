package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoGuaranteeStore implements GuaranteeStore {

    /** One document ({@code _id} {@value #CHANGES_ID}) counting the catalogue's changes. */
    static final String CHANGES = "guarantee_changes";
    private static final String CHANGES_ID = "catalogue";

    private final MongoOperations mongo;

    MongoGuaranteeStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insert(StoredGuarantee guarantee) {
        try {
            mongo.insert(guarantee);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<StoredGuarantee> find(String id, int version) {
        return Optional.ofNullable(mongo.findById(StoredGuarantee.key(id, version), StoredGuarantee.class));
    }

    @Override
    public List<StoredGuarantee> findAll() {
        return mongo.findAll(StoredGuarantee.class);
    }

    @Override
    public long changes() {
        Document counted = mongo.findById(CHANGES_ID, Document.class, CHANGES);
        return counted == null ? 0 : ((Number) counted.get("count")).longValue();
    }

    @Override
    public void countChange() {
        mongo.upsert(Query.query(Criteria.where("_id").is(CHANGES_ID)), new Update().inc("count", 1L), CHANGES);
    }
}
