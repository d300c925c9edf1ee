package se.medborgardialog.intake.eforslag.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.intake.eforslag.EforslagService;
import se.medborgardialog.intake.eforslag.ProposalReceipt;
import se.medborgardialog.intake.eforslag.ProposalRequest;
import se.medborgardialog.intake.eforslag.ProposalView;
import se.medborgardialog.intake.eforslag.SignatureView;
import se.medborgardialog.intake.eforslag.identity.IdentityEvidence;
import se.medborgardialog.intake.security.StaffUser;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

@RestController
@Tag(name = "E-förslag", description = "Lämna, granska och skriva under e-förslag")
class EforslagController {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final EforslagService eforslag;

    EforslagController(EforslagService eforslag) {
        this.eforslag = eforslag;
    }

    /** The rejection reason a moderator gives; the proposer sees it. */
    record Rejection(String reason) {
    }

    /** Identity evidence; with the development provider a typed personnummer and kommun. */
    record Signer(String personnummer, String kommun) {

        IdentityEvidence evidence() {
            return new IdentityEvidence(personnummer, kommun);
        }

        @Override
        public String toString() {
            return "Signer[redacted]";
        }
    }

    @Operation(summary = "Lämna ett e-förslag; it is published after moderation")
    @PostMapping(path = "/api/v1/e-forslag", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProposalReceipt> submit(@RequestBody ProposalRequest request,
            @Parameter(description = "Optional: a retry with the same key and body gets the same receipt")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new InvalidRequestException(new FieldViolation("Idempotency-Key",
                    "Nyckeln får inte vara tom och får vara högst " + MAX_IDEMPOTENCY_KEY_LENGTH + " tecken."));
        }
        return ResponseEntity.accepted().body(eforslag.submit(request, idempotencyKey));
    }

    @Operation(summary = "Published e-förslag open for signatures, with their signature count and days left")
    @GetMapping("/api/v1/e-forslag")
    List<ProposalView> published() {
        return eforslag.published();
    }

    @Operation(summary = "Proposals that reached their threshold: with the nämnd, or answered by it")
    @GetMapping("/api/v1/e-forslag/hos-namnden")
    List<ProposalView> withTheNamnd() {
        return eforslag.withTheNamnd();
    }

    @Operation(summary = "Moderation: proposals awaiting moderation, the longest-waiting first (role OFFICER or MODERATOR)")
    @GetMapping("/api/v1/e-forslag/moderering")
    List<ProposalView> awaitingModeration() {
        return eforslag.awaitingModeration();
    }

    @Operation(summary = "Moderation: publish (role OFFICER or MODERATOR)")
    @PostMapping("/api/v1/e-forslag/{id}/publicering")
    ProposalView publish(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        return eforslag.publish(id, user.getUsername());
    }

    @Operation(summary = "Moderation: reject with a reason (role OFFICER or MODERATOR)")
    @PostMapping(path = "/api/v1/e-forslag/{id}/avslag", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProposalView reject(@PathVariable UUID id, @RequestBody Rejection rejection,
            @Parameter(hidden = true) @AuthenticationPrincipal StaffUser user) {
        return eforslag.reject(id, rejection.reason(), user.getUsername());
    }

    @Operation(summary = "Sign a published e-förslag: once per person")
    @PostMapping(path = "/api/v1/e-forslag/{id}/underskrifter", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignatureView> sign(@PathVariable UUID id, @RequestBody Signer signer) {
        return ResponseEntity.status(201).body(eforslag.sign(id, signer.evidence()));
    }

    @Operation(summary = "Withdraw one's signature while the proposal is open")
    @DeleteMapping(path = "/api/v1/e-forslag/{id}/underskrifter", consumes = MediaType.APPLICATION_JSON_VALUE)
    SignatureView withdraw(@PathVariable UUID id, @RequestBody Signer signer) {
        return eforslag.withdraw(id, signer.evidence());
    }
}
