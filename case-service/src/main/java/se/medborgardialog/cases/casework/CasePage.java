package se.medborgardialog.cases.casework;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.cases.web.StaffPage;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseLinkType;
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
 * <p>To add an action: a form record (an {@link ActionForm}) with its validation, a {@code @PostMapping} that hands a
 * {@link Command} to {@link #act}, a flag in {@link CasePageView.Actions}, and a fragment under {@code
 * templates/arenden/atgarder/} included by {@code arende.html}.
 */
@Controller
@StaffPage
@RequestMapping("/arenden/{caseId}")
class CasePage {

    static final String PAGE = "GET /arenden/{caseId}";
    private static final String ACTION = "POST /arenden/{caseId}/";
    private static final int MAX_TEXT = 10_000;

    private final CaseWork work;
    private final CaseStore store;
    private final AuditLog audit;
    private final DeadlineProperties deadlines;
    private final AttachmentLinkProperties attachmentLinks;
    private final KnownUnits units;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    CasePage(CaseWork work, CaseStore store, AuditLog audit, DeadlineProperties deadlines,
            AttachmentLinkProperties attachmentLinks, KnownUnits units, PersonalDataCipher cipher, JsonMapper json,
            Clock clock) {
        this.work = work;
        this.store = store;
        this.audit = audit;
        this.deadlines = deadlines;
        this.attachmentLinks = attachmentLinks;
        this.units = units;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** A form's fields by name, to put what the officer typed back into the form. */
    interface ActionForm {

        Map<String, String> fields();
    }

    /** {@code atgarder/svara.html}. */
    record AnswerForm(@NotBlank(message = "Skriv ett svar.")
            @Size(max = MAX_TEXT, message = "Svaret får vara högst 10000 tecken.") String text) implements ActionForm {

        public Map<String, String> fields() {
            return draft("text", text);
        }
    }

    /** {@code atgarder/avsluta.html}: an outcome's wire word, e.g. {@code ingen-åtgärd}. */
    record CloseForm(@NotBlank(message = "Välj ett utfall.") String outcome) implements ActionForm {

        public Map<String, String> fields() {
            return draft("outcome", outcome);
        }
    }

    /** {@code atgarder/tilldela.html}. */
    record AssignForm(@NotBlank(message = "Ange vem som ska ha ärendet.") String assignee) implements ActionForm {

        public Map<String, String> fields() {
            return draft("assignee", assignee);
        }
    }

    /** {@code atgarder/skicka-vidare.html}. */
    record ForwardForm(@NotBlank(message = "Välj enheten ärendet ska till.") String unit,
            @Size(max = MAX_TEXT, message = "Motiveringen får vara högst 10000 tecken.") String reason)
            implements ActionForm {

        public Map<String, String> fields() {
            return draft("unit", unit, "reason", reason);
        }
    }

    /**
     * The text of {@code atgarder/fraga.html} (the question), {@code medborgarsvar.html} (a reply taken by phone or
     * letter), {@code anteckning.html} (an internal note) and {@code oppna-igen.html} (why it is opened again).
     */
    record TextForm(@NotBlank(message = "Skriv en text.")
            @Size(max = MAX_TEXT, message = "Texten får vara högst 10000 tecken.") String text) implements ActionForm {

        public Map<String, String> fields() {
            return draft("text", text);
        }
    }

    /** {@code atgarder/koppla.html}: the other case by its diarienummer, and {@code related} or {@code duplicate-of}. */
    record LinkForm(@NotBlank(message = "Ange diarienumret på ärendet att koppla till.") String diarienummer,
            @NotBlank(message = "Välj hur ärendena hänger ihop.") String relation) implements ActionForm {

        public Map<String, String> fields() {
            return draft("diarienummer", diarienummer, "relation", relation);
        }
    }

    /** Names and values, in pairs; a field left out of the post is left out here too. */
    private static Map<String, String> draft(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    @GetMapping
    String show(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user, Model model) {
        return render(work.caseFor(new CaseId(caseId), user.units()), user, PAGE, model);
    }

    @PostMapping("/svar")
    String answer(@PathVariable UUID caseId, @Valid @ModelAttribute AnswerForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(new Command("svar", "answer-", form, invalid, "Svaret är sparat.",
                id -> work.answer(id, form.text(), user.getUsername(), user.units())),
                caseId, user, model, flash, response);
    }

    @PostMapping("/avslut")
    String close(@PathVariable UUID caseId, @Valid @ModelAttribute CloseForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Optional<CaseOutcome> outcome = Optional.ofNullable(form.outcome()).flatMap(Outcomes::fromWire);
        if (!invalid.hasErrors() && outcome.isEmpty()) {
            invalid.rejectValue("outcome", "unknown", "Välj ett av utfallen i listan.");
        }
        return act(new Command("avslut", "close-", form, invalid, "Ärendet är avslutat.",
                id -> work.close(id, outcome.orElseThrow(), user.getUsername(), user.units())),
                caseId, user, model, flash, response);
    }

    /** The officer takes the case ({@code ta}), or puts it back in the unit's queue ({@code slapp}). */
    @PostMapping("/{action:ta|slapp}")
    String claimOrRelease(@PathVariable UUID caseId, @PathVariable String action,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        boolean claim = action.equals("ta");
        return act(new Command(action, claim ? "claim-" : "release-", null, null,
                        claim ? "Du har nu ärendet." : "Ärendet är tillbaka i enhetens kö.",
                        id -> claim ? work.claim(id, user.getUsername(), user.units())
                                : work.release(id, user.getUsername(), user.units())),
                caseId, user, model, flash, response);
    }

    /** Gives the case to a colleague: assigns it when nobody has it, reassigns it when somebody does. */
    @PostMapping("/tilldela")
    String assign(@PathVariable UUID caseId, @Valid @ModelAttribute AssignForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(new Command("tilldela", "assign-", form, invalid, "Ärendet är tilldelat " + form.assignee() + ".",
                id -> work.caseFor(id, user.units()).assignee() == null
                        ? work.assign(id, form.assignee(), user.getUsername(), user.units())
                        : work.reassign(id, form.assignee(), user.getUsername(), user.units())),
                caseId, user, model, flash, response);
    }

    /** Afterwards the officer sees the case only if they work in the unit it went to; otherwise the queue. */
    @PostMapping("/skicka-vidare")
    String forward(@PathVariable UUID caseId, @Valid @ModelAttribute ForwardForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        String page = act(new Command("skicka-vidare", "forward-", form, invalid,
                        "Ärendet är skickat till " + Swedish.words(form.unit()) + ".",
                        id -> work.forward(id, form.unit(), blankToNull(form.reason()), user.getUsername(),
                                user.units())),
                caseId, user, model, flash, response);
        boolean gone = flash.getFlashAttributes().containsKey("notice") && !user.worksIn(form.unit());
        return gone ? "redirect:/arenden" : page;
    }

    /**
     * The actions that take one text: ask the citizen ({@code fraga}), register the citizen's reply taken by phone
     * or letter ({@code medborgarsvar}), an internal note ({@code anteckning}), open the case again ({@code
     * oppna-igen}, the text is why).
     */
    @PostMapping("/{action:fraga|medborgarsvar|anteckning|oppna-igen}")
    String textAction(@PathVariable UUID caseId, @PathVariable String action, @Valid @ModelAttribute TextForm form,
            BindingResult invalid, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        String officer = user.getUsername();
        Set<String> officerUnits = user.units();
        Command command = switch (action) {
            case "fraga" -> new Command(action, "question-", form, invalid,
                    "Frågan är sparad och ärendet väntar på medborgaren.",
                    id -> work.askCitizen(id, form.text(), officer, officerUnits));
            case "medborgarsvar" -> new Command(action, "reply-", form, invalid, "Medborgarens svar är registrerat.",
                    id -> work.registerCitizenReply(id, form.text(), officer, officerUnits));
            case "anteckning" -> new Command(action, "note-", form, invalid, "Anteckningen är sparad.",
                    id -> work.addNote(id, form.text(), officer, officerUnits));
            default -> new Command(action, "reopen-", form, invalid, "Ärendet är öppnat igen.",
                    id -> work.reopen(id, form.text(), officer, officerUnits));
        };
        return act(command, caseId, user, model, flash, response);
    }

    /** The other case is named by its diarienummer, as officers know it; it must be one the officer may see. */
    @PostMapping("/koppla")
    String link(@PathVariable UUID caseId, @Valid @ModelAttribute LinkForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CaseLinkType relation = "duplicate-of".equals(form.relation()) ? CaseLinkType.DUPLICATE_OF
                : "related".equals(form.relation()) ? CaseLinkType.RELATED : null;
        if (relation == null && invalid.getFieldError("relation") == null) {
            invalid.rejectValue("relation", "unknown", "Välj hur ärendena hänger ihop.");
        }
        String done = relation == CaseLinkType.DUPLICATE_OF
                ? "Ärendet är sammanslaget med " + form.diarienummer() + " och avslutat som dubblett."
                : "Ärendena är kopplade.";
        return act(new Command("koppla", "link-", form, invalid, done,
                        id -> work.link(id, caseNumbered(form.diarienummer(), user), relation, user.getUsername(),
                                user.units())),
                caseId, user, model, flash, response);
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
     * One action's post, for {@link #act}.
     *
     * @param path    the action's path below the case, for the audit log when the page is shown again
     * @param prefix  the action's prefix to its fields' ids on the page, e.g. {@code answer-} for {@code answer-text}
     * @param form    what the officer sent; null for an action without fields
     * @param invalid the form's validation; null for an action without fields
     * @param done    the message on the page after it succeeded
     */
    private record Command(String path, String prefix, ActionForm form, BindingResult invalid, String done,
            Function<CaseId, CaseWork.Done> run) {

        Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (invalid != null) {
                invalid.getFieldErrors().forEach(error -> errors.putIfAbsent(prefix + error.getField(),
                        error.getDefaultMessage()));
            }
            return errors;
        }

        /** What the officer typed, by the fields' ids on the page. */
        Map<String, String> drafts() {
            return form == null ? Map.of() : form.fields().entrySet().stream()
                    .collect(Collectors.toMap(field -> prefix + field.getKey(), Map.Entry::getValue));
        }
    }

    /**
     * An action's post: another unit's case is not found (before anything else is looked at); a form with errors,
     * or a value the work refuses (an unknown colleague or unit), shows the page again with them tied to their
     * fields (400); otherwise the command runs and the officer goes back to the page (Post/Redirect/Get) with its
     * message, or, when the case's rules refused it or somebody else's change won, with the Swedish reason and what
     * they typed still in the form.
     */
    private String act(Command command, UUID caseId, StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CaseId id = new CaseId(caseId);
        Case aCase = work.caseFor(id, user.units());
        Map<String, String> errors = command.errors();
        if (errors.isEmpty()) {
            try {
                command.run().apply(id);
                flash.addFlashAttribute("notice", command.done());
                return "redirect:/arenden/" + id;
            } catch (IllegalCaseTransitionException | ConcurrentCaseChangeException refused) {
                flash.addFlashAttribute("problem", refused.getMessage());
                flash.addFlashAttribute("drafts", command.drafts());
                return "redirect:/arenden/" + id;
            } catch (InvalidFieldException wrongValue) {
                errors.put(command.prefix() + wrongValue.field(), wrongValue.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("drafts", command.drafts());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(aCase, user, ACTION + command.path(), model);
    }

    /** The case with this diarienummer that the officer may see; else a 400 naming {@code diarienummer}. */
    private CaseId caseNumbered(String diarienummer, StaffUser user) {
        QueueFilter numbered = new QueueFilter(null, false, null, null, null, null, diarienummer);
        return store.queue(user.units(), EnumSet.allOf(CaseStatus.class), numbered).stream()
                .filter(other -> other.diarienummer().value().equalsIgnoreCase(diarienummer.strip()))
                .filter(other -> CaseAccess.maySee(user, other))
                .map(Case::caseId)
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException("diarienummer",
                        "Hittar inget ärende med diarienumret " + diarienummer.strip() + " i dina enheter."));
    }

    private String render(Case aCase, StaffUser user, String what, Model model) {
        // logged before anything is shown: no read of personal data without its trace
        audit.recordRead(user.getUsername(), aCase.caseId(), what);
        List<LinkView> links = work.links(aCase);
        model.addAttribute("view", CasePageView.of(aCase, affectedPerson(aCase),
                DeadlineLabel.of(aCase, clock.instant(), deadlines.dueSoon()), attachmentLinks, links,
                openable(links, user), user.getUsername()));
        model.addAttribute("outcomes", CasePageView.OUTCOMES.stream()
                .map(outcome -> Map.entry(Outcomes.toWire(outcome), Swedish.outcome(outcome))).toList());
        model.addAttribute("relations", CasePageView.RELATIONS);
        model.addAttribute("units", units.all().stream()
                .filter(unit -> !unit.equals(aCase.unit()))
                .map(unit -> Map.entry(unit, Swedish.words(unit))).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("drafts")) {
            model.addAttribute("drafts", Map.of());
        }
        return "arenden/arende";
    }

    /** The linked cases the officer may open from the page. */
    private Set<String> openable(List<LinkView> links, StaffUser user) {
        return links.stream()
                .filter(link -> store.find(new CaseId(UUID.fromString(link.caseId())))
                        .filter(other -> CaseAccess.maySee(user, other)).isPresent())
                .map(LinkView::caseId)
                .collect(Collectors.toSet());
    }

    /** Decrypted only here, inside the audited read. */
    private AffectedPerson affectedPerson(Case aCase) {
        String stored = aCase.affectedPersonEncrypted();
        return stored == null ? null : json.readValue(cipher.decrypt(stored), AffectedPerson.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
