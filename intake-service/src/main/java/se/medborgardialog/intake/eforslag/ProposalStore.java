package se.medborgardialog.intake.eforslag;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Proposals and their signatures in MongoDB; each proposal's signatures counted in a document of its own. */
@Component
class ProposalStore {

    private final MongoTemplate mongo;
    private final SignatureCounts counts;

    ProposalStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.counts = new SignatureCounts(mongo, clock);
        mongo.indexOps(Signature.class).createIndex(new Index()
                .on("proposalId", Sort.Direction.ASC)
                .on("signerHash", Sort.Direction.ASC)
                .unique()
                .named("one_signature_per_person"));
        counts.fillOnce();
    }

    Optional<Proposal> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), Proposal.class));
    }

    /**
     * Idempotent: a replayed submission finds its proposal already there.
     *
     * @return false when an earlier attempt of the same request had stored it
     */
    boolean insertIfAbsent(Proposal proposal) {
        try {
            mongo.insert(proposal);
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    /**
     * Stores the proposal's move only if its stored status is still {@code from}: of two instances making the
     * same move, exactly one gets true.
     */
    boolean move(Proposal proposal, ProposalStatus from) {
        Query query = Query.query(Criteria.where("_id").is(proposal.id().toString()).and("status").is(from));
        Update update = new Update()
                .set("status", proposal.status())
                .set("threshold", proposal.threshold())
                .set("publishedAt", proposal.publishedAt())
                .set("closesAt", proposal.closesAt())
                .set("moderatedBy", proposal.moderatedBy())
                .set("rejectionReason", proposal.rejectionReason())
                .set("rejectedAt", proposal.rejectedAt())
                .set("thresholdReachedAt", proposal.thresholdReachedAt())
                .set("sentAt", proposal.sentAt())
                .set("expiredAt", proposal.expiredAt())
                .set("answeredAt", proposal.answeredAt());
        return mongo.updateFirst(query, update, Proposal.class).getModifiedCount() == 1;
    }

    List<Proposal> withStatus(ProposalStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status))
                .with(Sort.by("publishedAt", "_id")), Proposal.class);
    }

    /** Proposals in any of these statuses, the most recently published first. */
    List<Proposal> withStatusIn(Collection<ProposalStatus> statuses) {
        return mongo.find(Query.query(Criteria.where("status").in(statuses))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt").and(Sort.by("_id"))), Proposal.class);
    }

    List<Proposal> publishedClosingBy(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(ProposalStatus.PUBLISHED).and("closesAt").lte(now)),
                Proposal.class);
    }

    boolean similarPublishedSince(String normalisedTitle, Instant since, UUID except, Collection<ProposalStatus> statuses) {
        return mongo.exists(Query.query(Criteria.where("normalisedTitle").is(normalisedTitle)
                .and("status").in(statuses)
                .and("publishedAt").gte(since)
                .and("_id").ne(except.toString())), Proposal.class);
    }

    /** @return the proposal's signatures with this one, or -1 when this person already signed it */
    long insertSignature(Signature signature) {
        return counts.sign(signature);
    }

    /** @return the proposal's signatures without this one, or -1 when this person had not signed it */
    long deleteSignature(UUID proposalId, String signerHash) {
        return counts.withdraw(proposalId.toString(), signerHash);
    }

    boolean hasSigned(UUID proposalId, String signerHash) {
        return mongo.exists(signatureOf(proposalId, signerHash), Signature.class);
    }

    long countSignatures(UUID proposalId) {
        return counts.count(proposalId.toString());
    }

    private static Query signatureOf(UUID proposalId, String signerHash) {
        return Query.query(Criteria.where("proposalId").is(proposalId.toString()).and("signerHash").is(signerHash));
    }
}
