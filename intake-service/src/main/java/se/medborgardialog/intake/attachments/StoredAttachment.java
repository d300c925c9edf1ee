package se.medborgardialog.intake.attachments;

import java.time.Instant;
import se.medborgardialog.contracts.AttachmentRef;

/**
 * What intake knows of a stored file besides its bytes (kept as the GridFS file's metadata).
 *
 * @param caseId    the case the file belongs to (for a felanmälan linked to an open report: that report's case),
 *                  whose unit decides who may read it
 * @param published true once the submission's event was read back from Kafka; unpublished files are orphans
 *                  after {@code intake.attachments.orphan-age}
 */
record StoredAttachment(String id, String fileName, String contentType, long size, String sha256, String kind,
        String caseId, String submissionId, boolean published, Instant createdAt) {

    AttachmentRef ref() {
        return new AttachmentRef(id, fileName, contentType, size, sha256);
    }
}
