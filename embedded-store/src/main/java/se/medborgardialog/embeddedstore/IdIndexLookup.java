package se.medborgardialog.embeddedstore;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the candidates of a filter that pins the id field through the collection's unique id index.
 *
 * <p>mongo-java-server uses an index only when a filter's keys are exactly the index's keys, so
 * {@code {_id: X, version: N}} scans the whole collection under the collection's lock. MongoDB looks
 * {@code X} up in the {@code _id} index and tests the rest of the filter on what it found; this does the
 * same. The caller applies the whole filter to the candidates with the library's own matcher, so what
 * matches stays the library's decision; only which documents are examined changes.
 */
public final class IdIndexLookup {

    private static final String EQ = "$eq";
    private static final String IN = "$in";

    private IdIndexLookup() {
    }

    /**
     * The positions of the only documents that can match {@code query}, or {@code null} when the library's
     * own way should answer it: no plain equality or {@code $in} on the id field, an index that already
     * handles the query as it is, or an order by {@code $natural}.
     */
    public static <P> Iterable<P> candidates(Document query, Document orderBy, String idField, List<Index<P>> indexes) {
        if (query == null || !query.containsKey(idField) || sortsByNaturalOrder(orderBy)) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) {
                return null;
            }
        }
        Document lookup = idLookup(idField, query.get(idField));
        if (lookup == null) {
            return null;
        }
        Index<P> idIndex = idIndex(idField, indexes);
        if (idIndex == null || !idIndex.canHandle(lookup)) {
            return null;
        }
        Set<P> positions = new LinkedHashSet<>();
        for (P position : idIndex.getPositions(lookup)) {
            if (position != null) {
                positions.add(position);
            }
        }
        return positions;
    }

    /** {@code {id: v}} or {@code {id: {$in: [...]}}} for a condition that pins the id, else {@code null}. */
    private static Document idLookup(String idField, Object condition) {
        if (condition instanceof Document document && hasOperator(document)) {
            if (document.size() != 1) {
                return null;
            }
            if (document.containsKey(EQ)) {
                Object value = document.get(EQ);
                return isPlainValue(value) ? new Document(idField, value) : null;
            }
            if (document.get(IN) instanceof Collection<?> values && values.stream().allMatch(IdIndexLookup::isPlainValue)) {
                return new Document(idField, new Document(IN, values));
            }
            return null;
        }
        return isPlainValue(condition) ? new Document(idField, condition) : null;
    }

    /**
     * A value an equality on the id can look up: not null or missing (they match documents without the
     * field), not an array (MongoDB also matches arrays containing it), not a regular expression, not an
     * operator document. An embedded document without operator keys is plain.
     */
    private static boolean isPlainValue(Object value) {
        if (value == null || value instanceof Missing || value instanceof Collection<?> || value instanceof Object[]
                || value instanceof Pattern || BsonRegularExpression.isRegularExpression(value)) {
            return false;
        }
        return !(value instanceof Document document) || !hasOperator(document);
    }

    private static boolean hasOperator(Document document) {
        return document.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    private static boolean sortsByNaturalOrder(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }

    private static <P> Index<P> idIndex(String idField, List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            List<IndexKey> keys = index.getKeys();
            if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(idField)) {
                return index;
            }
        }
        return null;
    }
}
