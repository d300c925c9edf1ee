package se.medborgardialog.intake.felanmalan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

@RestController
@Tag(name = "Felanmälan", description = "Anmäl ett fel i den fysiska miljön / report a fault")
class FelanmalanController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final FelanmalanService felanmalningar;

    FelanmalanController(FelanmalanService felanmalningar) {
        this.felanmalningar = felanmalningar;
    }

    @Operation(summary = "Gör en felanmälan / report a fault (public)",
            description = "Category from GET /api/v1/felanmalan/kategorier; a location with WGS84 coordinates "
                    + "and/or an address. A report with coordinates near an open report of the same category is "
                    + "linked to that case (linked, linkedCaseId). Answered only once Kafka has acknowledged it.")
    @ApiResponse(responseCode = "202", description = "Mottagen: the receipt (tracking code, linked or not)")
    @ApiResponse(responseCode = "400", description = "Bad input, naming the field(s) in errors",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was received, retry later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/felanmalningar", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FelanmalanReceipt> submit(@RequestBody FelanmalanRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Optional, at most 200 "
                    + "characters: a retry with the same key and body gets the same receipt and publishes nothing new.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new InvalidRequestException(new FieldViolation("Idempotency-Key",
                    "Nyckeln får inte vara tom och får vara högst " + MAX_IDEMPOTENCY_KEY_LENGTH + " tecken."));
        }
        return ResponseEntity.accepted().body(felanmalningar.submit(request, idempotencyKey));
    }
}
