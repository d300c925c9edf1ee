package se.medborgardialog.intake.attachments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.security.StaffUser;
import se.medborgardialog.intake.tracking.CaseProgressLookup;
import se.medborgardialog.intake.web.ProblemException;

/**
 * Staff open a submission's files here (staff login, roles OFFICER and MANAGER): only files of cases in their
 * own units; any other id answers 404 with nothing said. Every download is written to {@code attachment_audit}
 * (who, when, which file of which case, and why, if given) before a byte is sent. The file is always a download
 * ({@code Content-Disposition: attachment}, {@code nosniff}, a sandboxing CSP), never shown inline, so a PDF
 * cannot run script on this origin.
 */
@RestController
@Tag(name = "Bilagor", description = "Bilagor till synpunkter och felanmälningar / attachments (staff)")
class AttachmentController {

    private static final Logger log = LoggerFactory.getLogger(AttachmentController.class);
    static final String AUDIT = "attachment_audit";
    static final int MAX_REASON_LENGTH = 500;

    private final AttachmentStore store;
    private final CaseProgressLookup cases;
    private final MongoTemplate mongo;
    private final Clock clock;

    AttachmentController(AttachmentStore store, CaseProgressLookup cases, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Operation(summary = "Hämta en bilaga / download an attachment (staff of the case's unit)",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
    @ApiResponse(responseCode = "200", description = "The file, as a download, with its detected content type")
    @ApiResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "404", description = "No such file, or a file of another unit's case",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id,
            @Parameter(description = "Why the file is opened (optional, at most 500 characters; kept in the audit log)")
            @RequestParam(name = "reason", required = false) String reason,
            @Parameter(description = "The same as reason, as a header") @RequestHeader(name = "X-Reason", required = false)
            String reasonHeader,
            @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        StoredAttachment attachment = store.find(id)
                .filter(found -> cases.unitOf(found.caseId()).filter(user::worksIn).isPresent())
                .orElseThrow(NotFound::new);
        String why = reason != null ? reason : reasonHeader;
        mongo.insert(new Document()
                .append("at", java.util.Date.from(clock.instant()))
                .append("user", user.getUsername())
                .append("attachmentId", attachment.id())
                .append("caseId", attachment.caseId())
                .append("reason", why == null ? null : why.substring(0, Math.min(why.length(), MAX_REASON_LENGTH)))
                .append("endpoint", "GET /api/v1/attachments/{id}"), AUDIT);
        byte[] bytes = store.read(attachment);
        log.info("Attachment {} of case {} downloaded by {}", attachment.id(), attachment.caseId(), user.getUsername());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }

    /** The same answer for a file that does not exist and one the caller may not see. */
    static final class NotFound extends ProblemException {
        NotFound() {
            super(HttpStatus.NOT_FOUND, "Hittades inte", "Det finns ingen sådan bilaga.", List.of());
        }
    }
}
