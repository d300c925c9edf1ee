package se.medborgardialog.intake.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.submission.Receipt;
import se.medborgardialog.intake.web.IdempotencyKeys;

/** Public: the citizen complains in an app that the case's tjänstegaranti was not kept, by its tracking code. */
@RestController
@Tag(name = "Spårning", description = "Följ ditt ärende / follow a case by its tracking code")
class BreachComplaintController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final BreachComplaints complaints;

    BreachComplaintController(BreachComplaints complaints) {
        this.complaints = complaints;
    }

    /**
     * @param text    the complaint; left out, it is the sentence the page suggests (see the status's guaranteeBreached)
     * @param contact optional, as for a synpunkt: without an e-mail address or phone number it cannot be answered
     */
    record ComplaintRequest(String text, BreachComplaints.ContactDetails contact) {
    }

    @Operation(summary = "Klaga på att tjänstegarantin inte hölls / complain that the guarantee was not kept (public)",
            description = "Only while GET /api/v1/status/{trackingCode} has guaranteeBreached. Files a synpunkt of "
                    + "kind klagomål about that case (its SynpunktSubmitted carries concerns = the case id), which "
                    + "case-service opens in the unit that has the case, linked to it. Same rules as POST "
                    + "/api/v1/synpunkter; answered only once Kafka has acknowledged the event.")
    @ApiResponse(responseCode = "202", description = "Mottagen: the complaint's receipt (its own tracking code)")
    @ApiResponse(responseCode = "4XX", description = "400 bad input naming the field (text, contact.email…) or a "
            + "malformed code; 404 no case follows the code, or none of its tjänstegarantier was breached; 422 "
            + "Idempotency-Key reused with another body. Nothing is published.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was received, retry later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/status/{trackingCode}/klagomal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> complain(@PathVariable String trackingCode,
            @RequestBody(required = false) ComplaintRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Optional, at most 200 "
                    + "characters: a retry with the same key and body gets the same receipt and publishes nothing new.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.check(idempotencyKey);
        ComplaintRequest body = request == null ? new ComplaintRequest(null, null) : request;
        return ResponseEntity.accepted().body(complaints.complain(trackingCode, body.text(), body.contact(), "app",
                idempotencyKey));
    }
}
