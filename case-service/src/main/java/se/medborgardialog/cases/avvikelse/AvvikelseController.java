package se.medborgardialog.cases.avvikelse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.audit.AuditLog;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseWork;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;

/**
 * An avvikelse's legal steps under {@code /api/v1/cases/{caseId}/avvikelse}: read the investigation (audited: it holds
 * personal data), add investigation entries, assess the risk, decide whether it is serious, register the IVO report,
 * complete the investigation, and the Skollagen 6 kap 10 § chain. Only staff of the unit with the law's role see
 * any of it; everyone else, and any case that is no avvikelse, gets 404.
 *
 * <p>Commands answer 200 when the step is stored and its event acknowledged by Kafka, 202 when it is stored with its
 * event pending in the case's outbox; a step the avvikelse's state does not allow, or a concurrent change, 409.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/avvikelse")
class AvvikelseController {

    static final String READ_ENDPOINT = "GET /api/v1/cases/{caseId}/avvikelse";

    private final AvvikelseWork work;
    private final AuditLog audit;

    AvvikelseController(AvvikelseWork work, AuditLog audit) {
        this.work = work;
        this.audit = audit;
    }

    record EntryRequest(
            @NotBlank(message = "Ange typ: vad-hande, nar-hande, orsaker, tidigare-handelser eller atgard.") String type,
            @NotNull(message = "Ange vilket datum anteckningen gäller.") LocalDate concerns,
            @NotBlank(message = "Ange källan, t.ex. intervju med personal eller journal.")
            @Size(max = AvvikelseWork.MAX_SOURCE, message = AvvikelseWork.TOO_LONG_SOURCE) String source,
            @NotBlank(message = "Anteckningen får inte vara tom.")
            @Size(max = AvvikelseWork.MAX_TEXT, message = AvvikelseWork.TOO_LONG_TEXT) String text,
            Instant measureTakenAt) {
    }

    record RiskRequest(
            @NotNull(message = "Ange sannolikhet 1–4.") @Min(value = 1, message = "Sannolikheten anges 1–4.")
            @Max(value = 4, message = "Sannolikheten anges 1–4.") Integer probability,
            @NotNull(message = "Ange konsekvens 1–4.") @Min(value = 1, message = "Konsekvensen anges 1–4.")
            @Max(value = 4, message = "Konsekvensen anges 1–4.") Integer consequence,
            @NotBlank(message = "Motivera bedömningen kort.")
            @Size(max = AvvikelseWork.MAX_RISK_MOTIVATION, message = AvvikelseWork.TOO_LONG_MOTIVATION) String motivation) {
    }

    record DecisionRequest(
            @NotNull(message = "Ange om det är allvarligt (true eller false).") Boolean serious,
            @NotBlank(message = "Motivera beslutet.")
            @Size(max = AvvikelseWork.MAX_DECISION_MOTIVATION, message = AvvikelseWork.TOO_LONG_MOTIVATION) String motivation) {
    }

    record IvoReportRequest(
            @NotNull(message = "Ange vilket datum anmälan gjordes.") LocalDate reportedOn,
            @NotBlank(message = "Ange IVO:s diarienummer.")
            @Size(max = AvvikelseWork.MAX_IVO_REFERENCE, message = AvvikelseWork.TOO_LONG_IVO_REFERENCE)
            @Pattern(regexp = AvvikelseWork.IVO_REFERENCE, message = AvvikelseWork.BAD_IVO_REFERENCE) String ivoReference) {
    }

    record ChainStepRequest(@NotNull(message = "Ange när det skedde.") Instant occurredAt) {
    }

    record CommandResult(String caseId, String diarienummer, long version, boolean eventPublished, String message) {
    }

    record EntryView(int number, String type, String typeText, LocalDate concerns, String source, String text,
            Instant measureTakenAt, String author, Instant recordedAt) {
    }

    record RiskView(int number, int probability, int consequence, int riskValue, String level, String levelText,
            String motivation, String assessedBy, Instant assessedAt, boolean current) {
    }

    record DecisionView(int number, boolean serious, String motivation, String decidedBy, Instant decidedAt,
            Integer supersedes, boolean inForce) {
    }

    record ChainStepView(String step, String stepText, Instant occurredAt, String recordedBy, Instant recordedAt) {
    }

    record InvestigationView(String caseId, String diarienummer, String unit, String legalFlow, String status,
            long version, List<ChainStepView> skollagen, List<EntryView> entries, List<RiskView> riskAssessments,
            List<DecisionView> decisions, IvoReport ivoReport, Completion completion) {
    }

    @GetMapping
    InvestigationView read(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        Case aCase = work.avvikelseCase(new CaseId(caseId), user);
        // logged before anything is opened: no read of personal data without its trace
        audit.recordRead(user.getUsername(), aCase.caseId(), READ_ENDPOINT, AvvikelseWork.READ_PURPOSE);
        return view(aCase);
    }

    @PostMapping("/entries")
    ResponseEntity<CommandResult> addEntry(@PathVariable UUID caseId, @Valid @RequestBody EntryRequest request,
            @AuthenticationPrincipal StaffUser user) {
        EntryType type = EntryType.fromWire(request.type()).orElseThrow(() -> new InvalidFieldException("type",
                "Okänd typ; ange vad-hande, nar-hande, orsaker, tidigare-handelser eller atgard."));
        return result(work.addEntry(new CaseId(caseId), type, request.concerns(), request.source().strip(),
                request.text().strip(), request.measureTakenAt(), user));
    }

    @PostMapping("/risk-assessments")
    ResponseEntity<CommandResult> assessRisk(@PathVariable UUID caseId, @Valid @RequestBody RiskRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return result(work.assessRisk(new CaseId(caseId), request.probability(), request.consequence(),
                request.motivation().strip(), user));
    }

    @PostMapping("/decisions")
    ResponseEntity<CommandResult> decide(@PathVariable UUID caseId, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return result(work.decide(new CaseId(caseId), request.serious(), request.motivation().strip(), user));
    }

    @PostMapping("/ivo-report")
    ResponseEntity<CommandResult> reportToIvo(@PathVariable UUID caseId, @Valid @RequestBody IvoReportRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return result(work.reportToIvo(new CaseId(caseId), request.reportedOn(), request.ivoReference().strip(), user));
    }

    @PostMapping("/completion")
    ResponseEntity<CommandResult> complete(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        return result(work.complete(new CaseId(caseId), user));
    }

    @PostMapping("/skollagen/reported-to-rektor")
    ResponseEntity<CommandResult> reportedToRektor(@PathVariable UUID caseId,
            @Valid @RequestBody ChainStepRequest request, @AuthenticationPrincipal StaffUser user) {
        return chainStep(caseId, AvvikelseStep.REPORTED_TO_REKTOR, request, user);
    }

    @PostMapping("/skollagen/reported-to-huvudman")
    ResponseEntity<CommandResult> reportedToHuvudman(@PathVariable UUID caseId,
            @Valid @RequestBody ChainStepRequest request, @AuthenticationPrincipal StaffUser user) {
        return chainStep(caseId, AvvikelseStep.REPORTED_TO_HUVUDMAN, request, user);
    }

    @PostMapping("/skollagen/investigation-started")
    ResponseEntity<CommandResult> investigationStarted(@PathVariable UUID caseId,
            @Valid @RequestBody ChainStepRequest request, @AuthenticationPrincipal StaffUser user) {
        return chainStep(caseId, AvvikelseStep.INVESTIGATION_STARTED, request, user);
    }

    private ResponseEntity<CommandResult> chainStep(UUID caseId, AvvikelseStep step, ChainStepRequest request,
            StaffUser user) {
        return result(work.recordChainStep(new CaseId(caseId), step, request.occurredAt(), user));
    }

    private static ResponseEntity<CommandResult> result(CaseWork.Done done) {
        Case aCase = done.aCase();
        String message = done.published() ? "Klart." : "Steget är sparat; händelsen skickas så snart Kafka svarar.";
        return ResponseEntity.status(done.published() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new CommandResult(aCase.caseId().toString(), aCase.diarienummer().value(), aCase.version(),
                        done.published(), message));
    }

    /** Opens the texts: only inside the audited read. */
    private InvestigationView view(Case aCase) {
        Avvikelse recorded = new AvvikelseCase(aCase).recorded();
        List<RiskAssessment> risks = recorded.riskAssessments();
        List<Decision> decisions = recorded.decisions();
        return new InvestigationView(aCase.caseId().toString(), aCase.diarienummer().value(), aCase.unit(),
                aCase.legalFlow().name(), aCase.status().name().toLowerCase(Locale.ROOT), aCase.version(),
                recorded.chain().stream().map(step -> new ChainStepView(step.step().name(),
                        AvvikelseCase.swedish(step.step()), step.occurredAt(), step.recordedBy(), step.recordedAt()))
                        .toList(),
                recorded.entries().stream().map(entry -> new EntryView(entry.number(), entry.type().wire(),
                        entry.type().swedish(), entry.concerns(), work.open(entry.sourceEncrypted()),
                        work.open(entry.textEncrypted()), entry.measureTakenAt(), entry.author(), entry.recordedAt()))
                        .toList(),
                risks.stream().map(risk -> new RiskView(risk.number(), risk.probability(), risk.consequence(),
                        risk.riskValue(), risk.level().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        risk.level().swedish(), work.open(risk.motivationEncrypted()), risk.assessedBy(),
                        risk.assessedAt(), risk.number() == risks.size())).toList(),
                decisions.stream().map(decision -> new DecisionView(decision.number(), decision.serious(),
                        work.open(decision.motivationEncrypted()), decision.decidedBy(), decision.decidedAt(),
                        decision.supersedes(), decision.number() == decisions.size())).toList(),
                recorded.ivoReport().orElse(null), recorded.completion().orElse(null));
    }
}
