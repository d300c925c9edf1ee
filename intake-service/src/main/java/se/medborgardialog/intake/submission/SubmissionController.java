package se.medborgardialog.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.medborgardialog.intake.attachments.Upload;
import se.medborgardialog.intake.security.StaffUser;
import se.medborgardialog.intake.web.IdempotencyKeys;
import se.medborgardialog.intake.web.JsonParts;

@RestController
@Tag(name = "Synpunkter", description = "Lämna en synpunkt / submit a synpunkt")
class SubmissionController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = IdempotencyKeys.MAX_LENGTH;

    private final SubmissionService submissions;
    private final JsonParts jsonParts;

    SubmissionController(SubmissionService submissions, JsonParts jsonParts) {
        this.submissions = submissions;
        this.jsonParts = jsonParts;
    }

    /** 202: the synpunkt is on its way to case-service; the receipt tells the citizen when to expect an answer. */
    @Operation(summary = "Lämna en synpunkt / submit a synpunkt",
            description = "Public for citizens (web, app). The staff channels (e-post, brev, telefon, besök) and "
                    + "receivedAt need a staff login (bearer token; HTTP Basic for the development users). Answered only once Kafka has acknowledged the event.",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
    @ApiResponse(responseCode = "202", description = "Mottagen: the receipt (tracking code, date of the answer)")
    @ApiResponse(responseCode = "400", description = "Bad input, naming the field(s) in errors",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "403", description = "A staff channel or receivedAt without a staff login",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was received, retry later",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/synpunkter", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> submit(@RequestBody SubmissionRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Optional, at most 200 "
                    + "characters: a retry with the same key and body gets the same receipt and publishes nothing new; "
                    + "the same key with another body answers 422.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        IdempotencyKeys.check(idempotencyKey);
        return ResponseEntity.accepted().body(submissions.submit(request, caller(user), idempotencyKey));
    }

    /**
     * The same synpunkt with files: part {@code synpunkt} is the JSON body above (at most 64 KiB), and up to five
     * parts {@code attachments} are images (JPEG, PNG, GIF, WebP, HEIC) or PDF of at most 10 MB each, the type
     * detected from the content. A file over 10 MB → 413, a wrong type or too many files → 400, each naming the
     * field ({@code attachments[1]}); then nothing is stored or published.
     */
    @Operation(summary = "Lämna en synpunkt med bilagor / submit a synpunkt with attachments (multipart)",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
    @ApiResponse(responseCode = "202", description = "Mottagen: the receipt, listing the attached file names")
    @ApiResponse(responseCode = "400", description = "Bad input or a file that is not an image or PDF, naming the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "413", description = "A file over 10 MB, the synpunkt part over 64 KiB, or the request over 52 MB",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/synpunkter", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Receipt> submitWithFiles(
            @RequestPart(name = "synpunkt", required = false) byte[] synpunkt,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "As for the JSON request")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        IdempotencyKeys.check(idempotencyKey);
        SubmissionRequest request = jsonParts.read("synpunkt", synpunkt, SubmissionRequest.class);
        return ResponseEntity.accepted().body(submissions.submit(request, Upload.of("attachments", files),
                caller(user), idempotencyKey));
    }

    private static Caller caller(StaffUser user) {
        return user == null ? Caller.anonymous() : new Caller(user.getUsername(), user.roles());
    }
}
