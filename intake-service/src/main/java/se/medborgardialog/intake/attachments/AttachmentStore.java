package se.medborgardialog.intake.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Component;
import se.medborgardialog.personaldata.PersonalDataCipher;

/**
 * The files in intake's own database, in GridFS (bucket {@code attachments}: collections
 * {@code attachments.files} and {@code attachments.chunks}). The bytes are encrypted at rest with the
 * {@link PersonalDataCipher} (AES-256-GCM, bound to the file's id); the metadata keeps the SHA-256 of the
 * plaintext. File ids are chosen by the caller, so storing the same file for a retried request finds it again.
 */
@Component
class AttachmentStore {

    static final String BUCKET = "attachments";
    static final String FILES = BUCKET + ".files";

    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    AttachmentStore(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.gridFs = new GridFsTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter(), BUCKET);
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /**
     * Stores the file unless a file with its id is there already; then only its case and submission are brought
     * up to date (an earlier attempt of the same request stored it, and its event was never published).
     *
     * @return true when the bytes were stored now
     */
    boolean store(StoredAttachment attachment, byte[] plaintext) {
        if (find(attachment.id()).isPresent()) {
            reassign(attachment);
            return false;
        }
        GridFsUpload<String> upload = GridFsUpload.fromStream(
                        new ByteArrayInputStream(cipher.encryptBytes(plaintext, attachment.id())))
                .id(attachment.id())
                .filename(attachment.fileName())
                .metadata(metadata(attachment))
                .build();
        try {
            gridFs.store(upload);
            return true;
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException concurrentlyStored) {
            // The same request, retried while the first attempt was still storing.
            reassign(attachment);
            return false;
        }
    }

    Optional<StoredAttachment> find(String id) {
        return Optional.ofNullable(gridFs.findOne(byId(id))).map(AttachmentStore::attachment);
    }

    /** The decrypted bytes; the caller has checked who may read them. */
    byte[] read(StoredAttachment attachment) {
        GridFSFile file = gridFs.findOne(byId(attachment.id()));
        try {
            byte[] stored = gridFs.getResource(file).getContentAsByteArray();
            return cipher.decryptBytes(stored, attachment.id());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Could not read attachment " + attachment.id(), unreadable);
        }
    }

    void markPublished(String id) {
        mongo.updateFirst(byId(id), new Update().set("metadata.published", true), FILES);
    }

    /** Removes unpublished files stored before {@code cutoff}, with their chunks. */
    long removeUnpublishedBefore(Instant cutoff) {
        Query orphans = Query.query(Criteria.where("metadata.published").is(false)
                .and("metadata.createdAt").lt(Date.from(cutoff)));
        long count = mongo.count(orphans, FILES);
        if (count > 0) {
            gridFs.delete(orphans);
        }
        return count;
    }

    private void reassign(StoredAttachment attachment) {
        mongo.updateFirst(byId(attachment.id()).addCriteria(Criteria.where("metadata.published").is(false)),
                new Update().set("metadata.caseId", attachment.caseId())
                        .set("metadata.submissionId", attachment.submissionId()), FILES);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Document metadata(StoredAttachment attachment) {
        return new Document()
                .append("contentType", attachment.contentType())
                .append("size", attachment.size())
                .append("sha256", attachment.sha256())
                .append("kind", attachment.kind())
                .append("caseId", attachment.caseId())
                .append("submissionId", attachment.submissionId())
                .append("published", attachment.published())
                .append("createdAt", Date.from(attachment.createdAt()));
    }

    private static StoredAttachment attachment(GridFSFile file) {
        Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
        return new StoredAttachment(file.getId().asString().getValue(), file.getFilename(),
                metadata.getString("contentType"), ((Number) metadata.get("size")).longValue(),
                metadata.getString("sha256"), metadata.getString("kind"), metadata.getString("caseId"),
                metadata.getString("submissionId"), Boolean.TRUE.equals(metadata.getBoolean("published")),
                metadata.getDate("createdAt").toInstant());
    }
}
