package se.medborgardialog.intake.felanmalan;

import java.util.List;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.medborgardialog.intake.attachments.Upload;
import se.medborgardialog.intake.web.IdempotencyKeys;
import se.medborgardialog.intake.web.JsonParts;

@RestController
@Tag(name = "Felanmälan", description = "Anmäl ett fel i den fysiska miljön / report a fault")
class FelanmalanController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = IdempotencyKeys.MAX_LENGTH;

    private final FelanmalanService felanmalningar;
    private final JsonParts jsonParts;

    FelanmalanController(FelanmalanService felanmalningar, JsonParts jsonParts) {
        this.felanmalningar = felanmalningar;
        this.jsonParts = jsonParts;
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
        IdempotencyKeys.check(idempotencyKey);
        return ResponseEntity.accepted().body(felanmalningar.submit(request, idempotencyKey));
    }

    /**
     * The same report with photos: part {@code felanmalan} is the JSON body above (at most 64 KiB), and up to five
     * parts {@code photos} are images (JPEG, PNG, GIF, WebP, HEIC) of at most 10 MB each, the type detected from
     * the content. A photo over 10 MB → 413, anything not an image or too many → 400, naming the field
     * ({@code photos[0]}); then nothing is stored or published.
     */
    @Operation(summary = "Gör en felanmälan med foton / report a fault with photos (multipart, public)")
    @ApiResponse(responseCode = "202", description = "Mottagen: the receipt, listing the photos' file names")
    @ApiResponse(responseCode = "400", description = "Bad input or a file that is not an image, naming the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "413", description = "A photo over 10 MB, the felanmalan part over 64 KiB, or the request over 52 MB",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/felanmalningar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FelanmalanReceipt> submitWithPhotos(
            @RequestPart(name = "felanmalan", required = false) byte[] felanmalan,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "As for the JSON request")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.check(idempotencyKey);
        FelanmalanRequest request = jsonParts.read("felanmalan", felanmalan, FelanmalanRequest.class);
        return ResponseEntity.accepted().body(felanmalningar.submit(request, Upload.of("photos", photos),
                idempotencyKey));
    }
}
