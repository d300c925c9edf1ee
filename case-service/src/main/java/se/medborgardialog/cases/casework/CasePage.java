package se.medborgardialog.cases.casework;

import static se.medborgardialog.cases.casework.CasePageFlow.draft;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import se.medborgardialog.cases.casework.CasePageFlow.ActionForm;
import se.medborgardialog.cases.casework.CasePageFlow.Command;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.cases.web.StaffPage;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseLinkType;
import se.medborgardialog.contracts.CaseOutcome;

/**
 * One case's page: everything about it (an audited read of its personal data, like the API's), its history as CSV,
 * and a small form per action. Each action posts to its own endpoint here, which calls {@link CaseWork} and
 * redirects back to the page with a message (Post/Redirect/Get); a move the case's state refuses, or a change lost
 * to somebody else's, comes back as a message on the page with the case as it is now. A case of another unit is
 * not found, for every URL below.
 *
 * <p>To add an action: a form record (an {@link ActionForm}) with its validation, a {@code @PostMapping} that hands a
 * {@link Command} to {@link CasePageFlow#act}, a flag in {@link CasePageView.Actions}, and a fragment under {@code
 * templates/arenden/atgarder/} included by {@code arende.html}. A feature with its own steps on the page (the
 * avvikelse's) does the same in its own controller, with its part of the page as a {@link CasePageSection}.
 */
@Controller
@StaffPage
@RequestMapping("/arenden/{caseId}")
class CasePage {

    static final String PAGE = "GET /arenden/{caseId}";
    private static final int MAX_TEXT = 10_000;

    private final CaseWork work;
    private final CaseStore store;
    private final CasePageFlow page;

    CasePage(CaseWork work, CaseStore store, CasePageFlow page) {
        this.work = work;
        this.store = store;
        this.page = page;
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

    /** {@code atgarder/begaran-om-avgorande.html}: the day the demand came in; blank means today. */
    record DecisionDemandForm(String demandedAt) implements ActionForm {

        public Map<String, String> fields() {
            return draft("demandedAt", demandedAt);
        }
    }

    @GetMapping
    String show(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user, Model model) {
        return page.render(work.caseFor(new CaseId(caseId), user.units()), user, PAGE, model);
    }

    @PostMapping("/svar")
    String answer(@PathVariable UUID caseId, @Valid @ModelAttribute AnswerForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(new Command("svar", "answer-", form, invalid, "Svaret är sparat.",
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
        return page.act(new Command("avslut", "close-", form, invalid, "Ärendet är avslutat.",
                id -> work.close(id, outcome.orElseThrow(), user.getUsername(), user.units())),
                caseId, user, model, flash, response);
    }

    /** The officer takes the case ({@code ta}), or puts it back in the unit's queue ({@code slapp}). */
    @PostMapping("/{action:ta|slapp}")
    String claimOrRelease(@PathVariable UUID caseId, @PathVariable String action,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        boolean claim = action.equals("ta");
        return page.act(new Command(action, claim ? "claim-" : "release-", null, null,
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
        return page.act(new Command("tilldela", "assign-", form, invalid,
                "Ärendet är tilldelat " + form.assignee() + ".",
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
        String shown = page.act(new Command("skicka-vidare", "forward-", form, invalid,
                        "Ärendet är skickat till " + Swedish.words(form.unit()) + ".",
                        id -> work.forward(id, form.unit(), blankToNull(form.reason()), user.getUsername(),
                                user.units())),
                caseId, user, model, flash, response);
        boolean gone = flash.getFlashAttributes().containsKey("notice") && !user.worksIn(form.unit());
        return gone ? "redirect:/arenden" : shown;
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
        return page.act(command, caseId, user, model, flash, response);
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
        return page.act(new Command("koppla", "link-", form, invalid, done,
                        id -> work.link(id, caseNumbered(form.diarienummer(), user), relation, user.getUsername(),
                                user.units())),
                caseId, user, model, flash, response);
    }

    /** The party demanded a decision (förvaltningslagen 12 §): recorded, and sla-service's four weeks start. */
    @PostMapping("/begaran-om-avgorande")
    String demandDecision(@PathVariable UUID caseId, @ModelAttribute DecisionDemandForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(new Command("begaran-om-avgorande", "demand-", form, invalid,
                        "Begäran om avgörande är registrerad.",
                        id -> work.demandDecision(id, DemandedAt.parse(form.demandedAt()), user.getUsername(),
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
