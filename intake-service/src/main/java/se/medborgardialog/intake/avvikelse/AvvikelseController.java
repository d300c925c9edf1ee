package se.medborgardialog.intake.avvikelse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.security.StaffUser;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

@RestController
@Tag(name = "Avvikelser", description = "Rapportera en avvikelse (personal) / report a deviation (staff)")
class AvvikelseController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final AvvikelseService avvikelser;

    AvvikelseController(AvvikelseService avvikelser) {
        this.avvikelser = avvikelser;
    }

    /** 202: the avvikelse has started its legal flow; the receipt says which and what happens next. */
    @Operation(summary = "Rapportera en avvikelse / report an avvikelse",
            description = "Staff only (the OIDC provider's bearer token, or HTTP Basic for the development users; roles "
                    + "REPORTER, OFFICER, MANAGER). A REPORTER may report only for the units of their login. Answered only once Kafka has acknowledged the event.",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
    @ApiResponse(responseCode = "202", description = "Mottagen: tracking code, legal flow and next steps")
    @ApiResponse(responseCode = "400", description = "Bad input, naming the field(s) in errors",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "403", description = "Not a reporting role, or not the reporter's unit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was received, retry later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/avvikelser", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AvvikelseReceipt> report(@RequestBody AvvikelseRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Optional, at most 200 "
                    + "characters: a retry with the same key and body gets the same receipt and publishes nothing new.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new InvalidRequestException(new FieldViolation("Idempotency-Key",
                    "Nyckeln får inte vara tom och får vara högst " + MAX_IDEMPOTENCY_KEY_LENGTH + " tecken."));
        }
        return ResponseEntity.accepted().body(avvikelser.report(request, Reporter.of(user), idempotencyKey));
    }
}
