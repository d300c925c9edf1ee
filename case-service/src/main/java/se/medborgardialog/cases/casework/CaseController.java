package se.medborgardialog.cases.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
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
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case: read it whole (audited: it holds personal data: the text, contact, answers, questions, replies, notes and
 * forwarding reasons), answer it, close it. The other actions are in {@link CaseActionsController}.
 *
 * <p>Commands answer 200 when the state change is stored and its event acknowledged by Kafka, and 202 when the
 * change is stored with its event still pending in the case document (broker unreachable): the relay publishes it
 * later, so the change is never lost. Any failure before the change is stored is an error status.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    static final String READ_ENDPOINT = "GET /api/v1/cases/{caseId}";

    private final CaseWork work;
    private final AuditLog audit;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final AttachmentLinkProperties attachmentLinks;

    CaseController(CaseWork work, AuditLog audit, DeadlineProperties deadlines, Clock clock, PersonalDataCipher cipher,
            JsonMapper json, AttachmentLinkProperties attachmentLinks) {
        this.attachmentLinks = attachmentLinks;
        this.cipher = cipher;
        this.json = json;
        this.work = work;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    record AnswerRequest(
            @NotBlank(message = "Svaret får inte vara tomt.")
            @Size(max = 10_000, message = "Svaret får vara högst 10000 tecken.") String text) {
    }

    record CloseRequest(@NotBlank(message = "Ange utfall: besvarat, åtgärdat, ingen-åtgärd, hänvisat eller dubblett.")
            String outcome) {
    }

    record DeadlineView(String clock, LocalDate dueDate, Instant dueAt, String deadlineStatus) {
    }

    record ClosureView(String outcome, Instant closedAt, String closedBy) {
    }

    record CaseView(String caseId, long version, String diarienummer, String trackingCode, String kind,
            String category, String unit, String channel, Instant receivedAt, Instant openedAt, String status,
            boolean anonymous, String text, Contact contact, Answer answer, ClosureView closure,
            LocalDate dueDate, Instant dueAt, String deadlineStatus, List<HistoryEntry> history,
            String caseType, String legalFlow, Location location, List<AttachmentView> photos,
            List<LinkedReport> linkedReports, AffectedPerson affectedPerson, List<AttachmentView> attachments,
            CaseMail answerMail, String assignee, Instant waitingSince, List<Answer> answers,
            List<CitizenQuestion> questions, List<CitizenReply> replies, List<InternalNote> notes,
            List<Forwarding> forwardings, List<LinkView> links, List<CaseMail> mails,
            List<GuaranteeBreach> guaranteeBreaches, DecisionDemand decisionDemand, ConcernedCase concerns) {
    }

    /** A file sent with the submission, and where the officer's browser downloads it from intake-service. */
    record AttachmentView(String id, String fileName, String contentType, long size, String sha256, String url) {
    }

    record CommandResult(String caseId, String diarienummer, String status, long version, boolean eventPublished,
            String message) {
    }

    @GetMapping("/{caseId}")
    CaseView read(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        Case aCase = work.caseFor(new CaseId(caseId), user.units());
        // logged before anything is returned: no read of personal data without its trace
        audit.recordRead(user.getUsername(), aCase.caseId(), READ_ENDPOINT);
        return view(aCase);
    }

    @PostMapping("/{caseId}/answer")
    ResponseEntity<CommandResult> answer(@PathVariable UUID caseId, @Valid @RequestBody AnswerRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return result(work.answer(new CaseId(caseId), request.text(), user.getUsername(), user.units()));
    }

    @PostMapping("/{caseId}/close")
    ResponseEntity<CommandResult> close(@PathVariable UUID caseId, @Valid @RequestBody CloseRequest request,
            @AuthenticationPrincipal StaffUser user) {
        CaseOutcome outcome = Outcomes.fromWire(request.outcome()).orElseThrow(() -> new InvalidFieldException(
                "outcome", "Okänt utfall; ange besvarat, åtgärdat, ingen-åtgärd, hänvisat eller dubblett."));
        return result(work.close(new CaseId(caseId), outcome, user.getUsername(), user.units()));
    }

    static ResponseEntity<CommandResult> result(CaseWork.Done done) {
        Case aCase = done.aCase();
        String message = done.published() ? "Klart." : "Ändringen är sparad; händelsen skickas så snart Kafka svarar.";
        return ResponseEntity.status(done.published() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new CommandResult(aCase.caseId().toString(), aCase.diarienummer().value(),
                        wire(aCase.status()), aCase.version(), done.published(), message));
    }

    private CaseView view(Case aCase) {
        CaseDeadline deadline = aCase.deadline();
        Closure closure = aCase.closure();
        return new CaseView(aCase.caseId().toString(), aCase.version(), aCase.diarienummer().value(),
                aCase.trackingCode() == null ? null : aCase.trackingCode().value(),
                aCase.kind() == null ? null : aCase.kind().name(), aCase.category(), aCase.unit(),
                aCase.channel() == null ? null : aCase.channel().name(), aCase.receivedAt(), aCase.openedAt(),
                wire(aCase.status()), aCase.isAnonymous(), aCase.text(), aCase.contact(), aCase.answer(),
                closure == null ? null : new ClosureView(Outcomes.toWire(closure.outcome()), closure.closedAt(),
                        closure.closedBy()),
                deadline == null ? null : deadline.dueDate(), deadline == null ? null : deadline.dueAt(),
                DeadlineLabel.of(aCase, clock.instant(), deadlines.dueSoon()), aCase.history(),
                aCase.caseType().name(), aCase.legalFlow() == null ? null : aCase.legalFlow().name(),
                aCase.location(), links(aCase.photos()), aCase.linkedReports(), affectedPerson(aCase),
                links(aCase.attachments()), aCase.answerMail(), aCase.assignee(), aCase.waitingSince(),
                aCase.answers(), aCase.questions(), aCase.replies(), aCase.notes(), aCase.forwardings(),
                work.links(aCase), aCase.mails(), aCase.guaranteeBreaches(), aCase.decisionDemand(),
                aCase.concerns());
    }

    private List<AttachmentView> links(List<AttachmentRef> refs) {
        return refs.stream().map(ref -> new AttachmentView(ref.id(), ref.fileName(), ref.contentType(), ref.size(),
                ref.sha256(), attachmentLinks.urlOf(ref.id()))).toList();
    }

    /** Decrypted only here, inside the audited read. */
    private AffectedPerson affectedPerson(Case aCase) {
        String stored = aCase.affectedPersonEncrypted();
        return stored == null ? null : json.readValue(cipher.decrypt(stored), AffectedPerson.class);
    }

    static String wire(CaseStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
