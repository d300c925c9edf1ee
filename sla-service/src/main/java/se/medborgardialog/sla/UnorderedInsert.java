package se.medborgardialog.sla;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Inserts many entities in one unordered {@code insertMany}, where one already stored (a redelivery) does not keep the
 * others out: the store inserts every other one and names the duplicates by their index.
 */
public final class UnorderedInsert {

    private UnorderedInsert() {
    }

    /**
     * @return which of {@code entities} (by index) were inserted; the others were stored already
     * @throws MongoBulkWriteException when an insert failed for another reason than a duplicate key
     */
    public static BitSet ifAbsent(MongoOperations mongo, Class<?> type, List<?> entities) {
        List<Document> documents = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            Document document = new Document();
            mongo.getConverter().write(entity, document);
            documents.add(document);
        }
        return ifAbsent(mongo, mongo.getCollectionName(type), documents);
    }

    /**
     * @return which of {@code documents} (by index) were inserted into {@code collection}; the others were stored
     *     already
     * @throws MongoBulkWriteException when an insert failed for another reason than a duplicate key
     */
    public static BitSet ifAbsent(MongoOperations mongo, String collection, List<Document> documents) {
        BitSet inserted = new BitSet(documents.size());
        if (documents.isEmpty()) {
            return inserted;
        }
        inserted.set(0, documents.size());
        try {
            mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException someStored) {
            for (var error : someStored.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw someStored;
                }
                inserted.clear(error.getIndex());
            }
        }
        return inserted;
    }
}
