package se.medborgardialog.sla.guarantee;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.UnorderedInsert;

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
        BitSet inserted = UnorderedInsert.ifAbsent(mongo, CaseFacts.class, facts);
        Set<String> stored = new LinkedHashSet<>();
        inserted.stream().forEach(index -> stored.add(facts.get(index).caseId()));
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
