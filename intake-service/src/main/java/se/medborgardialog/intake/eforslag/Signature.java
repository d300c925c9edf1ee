package se.medborgardialog.intake.eforslag;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's signature on one proposal. The person is only a keyed hash of their personnummer; a unique
 * index on (proposalId, signerHash) makes a second signature by the same person impossible, whichever instance
 * or thread inserts it.
 */
@Document(Signature.COLLECTION)
record Signature(@Id String id, String proposalId, String signerHash, Instant signedAt) {

    static final String COLLECTION = "eforslag_signatures";
}
