package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

@Component
class MongoGuaranteeStore implements GuaranteeStore {

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
}
