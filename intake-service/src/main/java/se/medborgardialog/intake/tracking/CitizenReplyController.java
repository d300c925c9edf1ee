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
import se.medborgardialog.intake.web.IdempotencyKeys;

/** Public: the citizen answers the officer's question in an app, by the case's tracking code. */
@RestController
@Tag(name = "Spårning", description = "Följ ditt ärende / follow a case by its tracking code")
class CitizenReplyController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final CitizenReplies replies;

    CitizenReplyController(CitizenReplies replies) {
        this.replies = replies;
    }

    @Operation(summary = "Svara på handläggarens fråga / answer the officer's question (public)",
            description = "Only while GET /api/v1/status/{trackingCode} says citizenInfo = begard. The question "
                    + "itself reached the citizen by e-mail. Answered only once Kafka has acknowledged CitizenReplied.")
    @ApiResponse(responseCode = "202", description = "Skickat: the reply's id")
    @ApiResponse(responseCode = "4XX", description = "400 no text, text over 10 000 characters or a malformed code, "
            + "naming the field; 404 no case follows the code; 409 the case does not wait for a reply, or one was "
            + "sent already; 422 Idempotency-Key reused with another body. Nothing is sent.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was sent, retry later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/api/v1/status/{trackingCode}/svar", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CitizenReplyReceipt> reply(@PathVariable String trackingCode,
            @RequestBody CitizenReplyRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "Optional, at most 200 "
                    + "characters: a retry with the same key and body gets the same reply id and sends nothing new.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.check(idempotencyKey);
        return ResponseEntity.accepted().body(replies.reply(trackingCode, request.text(), idempotencyKey));
    }
}
