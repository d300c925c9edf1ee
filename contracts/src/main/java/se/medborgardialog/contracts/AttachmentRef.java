package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file sent with a submission and stored by intake-service, which serves it to authorised staff at
 * {@code /api/v1/attachments/{id}}. The event carries only this reference, never the bytes.
 *
 * @param contentType the type detected from the content (not from the name or the client's claim)
 * @param sha256      hex digest of the stored bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachmentRef(String id, String fileName, String contentType, long size, String sha256) {
}
