package se.medborgardialog.sla.guarantee;

import java.util.Optional;
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

    @Override
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFacts.class));
    }

    @Override
    public void save(CaseFacts facts) {
        mongo.save(facts);
    }
}
