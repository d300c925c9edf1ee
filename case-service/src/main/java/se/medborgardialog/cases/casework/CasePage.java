package se.medborgardialog.cases.casework;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.medborgardialog.cases.audit.AuditLog;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.StaffPage;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case's page: everything about it (an audited read of its personal data, like the API's), its history as CSV,
 * and a small form per action. Each action posts to its own endpoint here, which calls {@link CaseWork} and
 * redirects back to the page with a message (Post/Redirect/Get); a move the case's state refuses, or a change lost
 * to somebody else's, comes back as a message on the page with the case as it is now. A case of another unit is
 * not found, for every URL below.
 *
 * <p>To add an action: a form record with its validation, a {@code @PostMapping} that hands a {@link Command} to
 * {@link #act}, and a fragment under {@code templates/arenden/atgarder/} included by {@code arende.html}.
 */
@Controller
@StaffPage
@RequestMapping("/arenden/{caseId}")
class CasePage {

    static final String PAGE = "GET /arenden/{caseId}";
    static final String ANSWER = "POST /arenden/{caseId}/svar";
    static final String CLOSE = "POST /arenden/{caseId}/avslut";

    private final CaseWork work;
    private final AuditLog audit;
    private final DeadlineProperties deadlines;
    private final AttachmentLinkProperties attachmentLinks;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    CasePage(CaseWork work, AuditLog audit, DeadlineProperties deadlines, AttachmentLinkProperties attachmentLinks,
            PersonalDataCipher cipher, JsonMapper json, Clock clock) {
        this.work = work;
        this.audit = audit;
        this.deadlines = deadlines;
        this.attachmentLinks = attachmentLinks;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** The answer form ({@code atgarder/svara.html}). */
    record AnswerForm(
            @NotBlank(message = "Skriv ett svar.")
            @Size(max = 10_000, message = "Svaret får vara högst 10000 tecken.") String text) {
    }

    /** The close form ({@code atgarder/avsluta.html}): an outcome's wire word, e.g. {@code ingen-åtgärd}. */
    record CloseForm(@NotBlank(message = "Välj ett utfall.") String outcome) {
    }

    @GetMapping
    String show(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user, Model model) {
        return render(work.caseFor(new CaseId(caseId), user.units()), user, PAGE, model);
    }

    @PostMapping("/svar")
    String answer(@PathVariable UUID caseId, @Valid @ModelAttribute("answerForm") AnswerForm form,
            BindingResult invalid, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(new Command(ANSWER, "answer-", "Svaret är sparat.",
                        id -> work.answer(id, form.text(), user.getUsername(), user.units()),
                        // what the officer wrote survives a refusal: it is in the form again on the page
                        () -> flash.addFlashAttribute("answerForm", form)),
                new CaseId(caseId), user, invalid, model, flash, response);
    }

    @PostMapping("/avslut")
    String close(@PathVariable UUID caseId, @Valid @ModelAttribute("closeForm") CloseForm form,
            BindingResult invalid, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Optional<CaseOutcome> outcome = Optional.ofNullable(form.outcome()).flatMap(Outcomes::fromWire);
        if (!invalid.hasErrors() && outcome.isEmpty()) {
            invalid.rejectValue("outcome", "unknown", "Välj ett av utfallen i listan.");
        }
        return act(new Command(CLOSE, "close-", "Ärendet är avslutat.",
                        id -> work.close(id, outcome.orElseThrow(), user.getUsername(), user.units()), () -> { }),
                new CaseId(caseId), user, invalid, model, flash, response);
    }

    /** The history as CSV for Excel (UTF-8 with BOM, {@code ;}): tidpunkt, vem, vad. No personal data in it. */
    @GetMapping("/historik.csv")
    ResponseEntity<byte[]> historyCsv(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        Case aCase = work.caseFor(new CaseId(caseId), user.units());
        String fileName = "historik-" + aCase.diarienummer().value() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(HistoryCsv.render(aCase.history()));
    }

    /**
     * One action's command, for {@link #act}.
     *
     * @param what        the endpoint, for the audit log when the page is shown again with the form's errors
     * @param fieldPrefix the action's prefix to its fields' ids on the page, e.g. {@code answer-} for {@code
     *                    answer-text}
     * @param done        the message on the page after it succeeded
     * @param onRefused   what to keep for the page when the case refused it
     */
    private record Command(String what, String fieldPrefix, String done, Function<CaseId, CaseWork.Done> run,
            Runnable onRefused) {
    }

    /**
     * An action's post: another unit's case is not found (before anything else is looked at); a form with errors
     * shows the page again with them (400); otherwise the command runs and the officer goes back to the page
     * (Post/Redirect/Get) with its message, or, when the case's rules refused it or somebody else's change won, with
     * the Swedish reason.
     */
    private String act(Command command, CaseId id, StaffUser user, BindingResult invalid, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        Case aCase = work.caseFor(id, user.units());
        if (invalid.hasErrors()) {
            return invalid(aCase, user, command.what(), command.fieldPrefix(), invalid, model, response);
        }
        try {
            command.run().apply(id);
            flash.addFlashAttribute("notice", command.done());
        } catch (IllegalCaseTransitionException | ConcurrentCaseChangeException refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
            command.onRefused().run();
        }
        return "redirect:/arenden/" + id;
    }

    /** The page again with the form's errors (400), each tied to its field {@code prefix + field}. */
    private String invalid(Case aCase, StaffUser user, String what, String prefix, BindingResult invalid, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.getFieldErrors().forEach(error -> errors.putIfAbsent(prefix + error.getField(),
                error.getDefaultMessage()));
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(aCase, user, what, model);
    }

    private String render(Case aCase, StaffUser user, String what, Model model) {
        // logged before anything is shown: no read of personal data without its trace
        audit.recordRead(user.getUsername(), aCase.caseId(), what);
        model.addAttribute("view", CasePageView.of(aCase, affectedPerson(aCase),
                DeadlineLabel.of(aCase, clock.instant(), deadlines.dueSoon()), attachmentLinks));
        model.addAttribute("outcomes", CasePageView.OUTCOMES.stream()
                .map(outcome -> Map.entry(Outcomes.toWire(outcome), Swedish.outcome(outcome))).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerForm(""));
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm(""));
        }
        return "arenden/arende";
    }

    /** Decrypted only here, inside the audited read. */
    private AffectedPerson affectedPerson(Case aCase) {
        String stored = aCase.affectedPersonEncrypted();
        return stored == null ? null : json.readValue(cipher.decrypt(stored), AffectedPerson.class);
    }
}
