package se.medborgardialog.cases.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.casework.CaseController.CommandResult;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseLinkType;

/**
 * An officer's actions on a case besides answering and closing: take it, give it to a colleague, put it back in the
 * queue, forward it to another unit, ask the citizen and register their reply, write internal notes, reopen, link
 * and merge. Answers as {@link CaseController}: 200 stored and published, 202 stored with the event pending, 404 for
 * a case outside the caller's units, 409 with the current state for an illegal move or a concurrent change.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
class CaseActionsController {

    private static final int MAX_TEXT = 10_000;

    private final CaseWork work;

    CaseActionsController(CaseWork work) {
        this.work = work;
    }

    record AssignRequest(@NotBlank(message = "Ange vem som ska ha ärendet.") String assignee) {
    }

    record ForwardRequest(@NotBlank(message = "Ange enheten ärendet ska till.") String unit,
            @Size(max = MAX_TEXT, message = "Motiveringen får vara högst 10000 tecken.") String reason) {
    }

    record QuestionRequest(@NotBlank(message = "Frågan får inte vara tom.")
            @Size(max = MAX_TEXT, message = "Frågan får vara högst 10000 tecken.") String question) {
    }

    record TextRequest(@NotBlank(message = "Texten får inte vara tom.")
            @Size(max = MAX_TEXT, message = "Texten får vara högst 10000 tecken.") String text) {
    }

    record ReopenRequest(@NotBlank(message = "Ange varför ärendet öppnas igen.")
            @Size(max = MAX_TEXT, message = "Motiveringen får vara högst 10000 tecken.") String reason) {
    }

    record LinkRequest(@NotNull(message = "Ange ärendet att länka till.") UUID caseId,
            @NotBlank(message = "Ange relation: related eller duplicate-of.") String relation) {
    }

    /** {@code demandedAt}: an ISO instant, a Swedish local date-time or a date (its start, Stockholm); null = now. */
    record DecisionDemandRequest(String demandedAt) {
    }

    /** A command of the signed-in officer on one case. */
    private interface Command {
        CaseWork.Done run(CaseId caseId, String officer, Set<String> officerUnits);
    }

    private static ResponseEntity<CommandResult> run(UUID caseId, StaffUser user, Command command) {
        return CaseController.result(command.run(new CaseId(caseId), user.getUsername(), user.units()));
    }

    @PostMapping("/claim")
    ResponseEntity<CommandResult> claim(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, work::claim);
    }

    @PostMapping("/assign")
    ResponseEntity<CommandResult> assign(@PathVariable UUID caseId, @Valid @RequestBody AssignRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.assign(id, request.assignee().strip(), officer, units));
    }

    @PostMapping("/reassign")
    ResponseEntity<CommandResult> reassign(@PathVariable UUID caseId, @Valid @RequestBody AssignRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.reassign(id, request.assignee().strip(), officer, units));
    }

    @PostMapping("/release")
    ResponseEntity<CommandResult> release(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, work::release);
    }

    @PostMapping("/forward")
    ResponseEntity<CommandResult> forward(@PathVariable UUID caseId, @Valid @RequestBody ForwardRequest request,
            @AuthenticationPrincipal StaffUser user) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return run(caseId, user, (id, officer, units) -> work.forward(id, request.unit().strip(), reason, officer,
                units));
    }

    @PostMapping("/ask-citizen")
    ResponseEntity<CommandResult> askCitizen(@PathVariable UUID caseId, @Valid @RequestBody QuestionRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.askCitizen(id, request.question(), officer, units));
    }

    @PostMapping("/citizen-reply")
    ResponseEntity<CommandResult> citizenReply(@PathVariable UUID caseId, @Valid @RequestBody TextRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.registerCitizenReply(id, request.text(), officer,
                units));
    }

    @PostMapping("/notes")
    ResponseEntity<CommandResult> note(@PathVariable UUID caseId, @Valid @RequestBody TextRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.addNote(id, request.text(), officer, units));
    }

    @PostMapping("/reopen")
    ResponseEntity<CommandResult> reopen(@PathVariable UUID caseId, @Valid @RequestBody ReopenRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return run(caseId, user, (id, officer, units) -> work.reopen(id, request.reason(), officer, units));
    }

    @PostMapping("/links")
    ResponseEntity<CommandResult> link(@PathVariable UUID caseId, @Valid @RequestBody LinkRequest request,
            @AuthenticationPrincipal StaffUser user) {
        CaseLinkType relation = relation(request.relation());
        return run(caseId, user, (id, officer, units) -> work.link(id, new CaseId(request.caseId()), relation,
                officer, units));
    }

    /**
     * The party demanded a decision (Förvaltningslagen 12 §): {@code 201} once {@code DecisionDemanded} is
     * acknowledged (sla-service starts the four-week clock), {@code 202} with it pending in the outbox.
     */
    @PostMapping("/decision-demand")
    ResponseEntity<CommandResult> demandDecision(@PathVariable UUID caseId,
            @RequestBody(required = false) DecisionDemandRequest request, @AuthenticationPrincipal StaffUser user) {
        java.time.Instant demandedAt = request == null ? null : DemandedAt.parse(request.demandedAt());
        ResponseEntity<CommandResult> result = run(caseId, user, (id, officer, units) -> work.demandDecision(id,
                demandedAt, officer, units));
        return result.getStatusCode().value() == 200
                ? ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(result.getBody()) : result;
    }

    private static CaseLinkType relation(String wire) {
        return switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "related" -> CaseLinkType.RELATED;
            case "duplicate-of" -> CaseLinkType.DUPLICATE_OF;
            default -> throw new InvalidFieldException("relation", "Okänd relation; ange related eller duplicate-of.");
        };
    }
}
