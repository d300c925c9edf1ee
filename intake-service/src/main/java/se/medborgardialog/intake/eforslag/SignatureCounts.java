package se.medborgardialog.intake.eforslag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each proposal's signature count in one document ({@value #COLLECTION}, {@code _id} = the proposal id), read by id;
 * counting the signatures was an aggregation over every signature of every proposal, under the embedded store's lock,
 * on every signature and every proposal shown.
 *
 * <p>The count moves once per signature stored or removed, also across a crash. Before the signature write the attempt
 * is noted in the count's document ({@code pending}: a token, sign or withdraw, the signature's id, when); after it,
 * one update takes the note out and moves the count if the write happened. Whether a note's write happened can be
 * told afterwards: a signing's token is its signature's id (stored or not), and a withdrawal first claims the
 * signature with its token, so only it can remove that one (gone or not). A note a crash left is settled by whoever
 * reads the count after {@link #SETTLE_AFTER}; taking the note out with the count's move is one update, which only one
 * of them makes.
 */
class SignatureCounts {

    private static final Logger log = LoggerFactory.getLogger(SignatureCounts.class);
    static final String COLLECTION = "eforslag_signature_counts";
    /** A note older than this is a crashed attempt's (an attempt takes milliseconds). */
    static final Duration SETTLE_AFTER = Duration.ofMinutes(2);
    private static final String FILLED = "_filled";
    private static final String COUNT = "count";
    private static final String PENDING = "pending";
    private static final String SIGN = "SIGN";
    private static final String WITHDRAW = "WITHDRAW";
    private static final String WITHDRAWING = "withdrawing";
    private static final String WITHDRAWING_AT = "withdrawingAt";

    private final MongoTemplate mongo;
    private final Clock clock;

    SignatureCounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return the proposal's signatures with this one, or -1 when this person already signed it */
    long sign(Signature signature) {
        String proposalId = signature.proposalId();
        note(proposalId, new Document("t", signature.id()).append("c", SIGN));
        boolean inserted;
        try {
            mongo.insert(signature);
            inserted = true;
        } catch (DuplicateKeyException alreadySigned) {
            inserted = false;
        }
        Document after = settle(proposalId, signature.id(), inserted ? 1 : 0);
        if (!inserted) {
            return -1;
        }
        return after != null ? count(after) : count(proposalId);
    }

    /** @return the proposal's signatures without this person's, or -1 when they had not signed it */
    long withdraw(String proposalId, String signerHash) {
        Signature signed = mongo.findOne(Query.query(Criteria.where("proposalId").is(proposalId)
                .and("signerHash").is(signerHash)), Signature.class);
        if (signed == null) {
            return -1;
        }
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Query unclaimed = Query.query(Criteria.where("_id").is(signed.id()).orOperator(
                Criteria.where(WITHDRAWING).is(null), Criteria.where(WITHDRAWING_AT).lt(now.minus(SETTLE_AFTER))));
        if (mongo.updateFirst(unclaimed, new Update().set(WITHDRAWING, token).set(WITHDRAWING_AT, now),
                Signature.class).getModifiedCount() == 0) {
            return -1;
        }
        // Its signing's note, if still there, is settled first: the signature is stored, so it counts.
        mongo.updateFirst(noted(proposalId, signed.id()), settleUpdate(signed.id(), 1), COLLECTION);
        note(proposalId, new Document("t", token).append("c", WITHDRAW).append("sig", signed.id()));
        boolean removed = mongo.remove(Query.query(Criteria.where("_id").is(signed.id()).and(WITHDRAWING).is(token)),
                Signature.class).getDeletedCount() == 1;
        Document after = settle(proposalId, token, removed ? -1 : 0);
        if (!removed) {
            return -1;
        }
        return after != null ? count(after) : count(proposalId);
    }

    private void note(String proposalId, Document note) {
        Update push = new Update().push(PENDING, note.append("at", Date.from(clock.instant())));
        try {
            mongo.upsert(byId(proposalId), push, COLLECTION);
        } catch (DuplicateKeyException createdMeanwhile) {
            // Two first signatures at once both tried to create the document: it exists now.
            mongo.upsert(byId(proposalId), push, COLLECTION);
        }
    }

    private Document settle(String proposalId, String token, int by) {
        return mongo.findAndModify(noted(proposalId, token), settleUpdate(token, by),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    long count(String proposalId) {
        Document counted = mongo.findById(proposalId, Document.class, COLLECTION);
        if (counted == null) {
            return 0;
        }
        List<Document> pending = counted.getList(PENDING, Document.class);
        if (pending == null || pending.isEmpty()) {
            return count(counted);
        }
        Instant stale = clock.instant().minus(SETTLE_AFTER);
        boolean settled = false;
        for (Document note : pending) {
            if (note.getDate("at").toInstant().isBefore(stale)) {
                settleCrashed(proposalId, note);
                settled = true;
            }
        }
        return settled ? count(mongo.findById(proposalId, Document.class, COLLECTION)) : count(counted);
    }

    private void settleCrashed(String proposalId, Document note) {
        String token = note.getString("t");
        boolean signing = SIGN.equals(note.getString("c"));
        String signature = signing ? token : note.getString("sig");
        boolean stored = mongo.exists(Query.query(Criteria.where("_id").is(signature)), Signature.class);
        int by = signing ? (stored ? 1 : 0) : (stored ? 0 : -1);
        if (mongo.updateFirst(noted(proposalId, token), settleUpdate(token, by), COLLECTION).getModifiedCount() > 0) {
            log.info("E-förslag {}: settled a signature change a crash left half-done ({}, counted {})", proposalId,
                    note.getString("c"), by);
        }
        if (!signing && stored) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(signature).and(WITHDRAWING).is(token)),
                    new Update().unset(WITHDRAWING).unset(WITHDRAWING_AT), Signature.class);
        }
    }

    /**
     * Signatures stored before there were counts are counted once, at start, before any request is served; a marker
     * document says it was done (a start that died half-way counts again: setting a count is idempotent).
     */
    void fillOnce() {
        if (mongo.findById(FILLED, Document.class, COLLECTION) != null) {
            return;
        }
        Map<String, Long> counts = new HashMap<>();
        Query all = new Query();
        all.fields().include("proposalId");
        try (var stream = mongo.stream(all, Document.class, Signature.COLLECTION)) {
            stream.forEach(signature -> counts.merge(signature.getString("proposalId"), 1L, Long::sum));
        }
        counts.forEach((proposalId, count) -> mongo.upsert(byId(proposalId), new Update().set(COUNT, count), COLLECTION));
        mongo.upsert(byId(FILLED), new Update().set(COUNT, 0L), COLLECTION);
        if (!counts.isEmpty()) {
            log.info("Counted the signatures of {} e-förslag stored before there were counts", counts.size());
        }
    }

    private static Query byId(String proposalId) {
        return Query.query(Criteria.where("_id").is(proposalId));
    }

    private static Query noted(String proposalId, String token) {
        return Query.query(Criteria.where("_id").is(proposalId).and(PENDING + ".t").is(token));
    }

    private static Update settleUpdate(String token, int by) {
        Update update = new Update().pull(PENDING, new Document("t", token));
        return by == 0 ? update : update.inc(COUNT, by);
    }

    private static long count(Document counted) {
        return counted.get(COUNT) instanceof Number n ? n.longValue() : 0;
    }
}
