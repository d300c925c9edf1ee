package se.medborgardialog.cases.avvikelse;

import static se.medborgardialog.cases.casework.CasePageFlow.draft;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.medborgardialog.cases.casework.CasePageFlow;
import se.medborgardialog.cases.casework.CasePageFlow.ActionForm;
import se.medborgardialog.cases.casework.CasePageFlow.Command;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.StaffPage;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;

/**
 * The avvikelse's legal steps on the case page: one small form each ({@code templates/arenden/atgarder/
 * avvikelse-*.html}, offered only when the avvikelse's state allows the step), each posting here. A post calls the
 * same {@link AvvikelseWork} as the API and goes through the case page's {@link CasePageFlow#act}: Post/Redirect/Get
 * with a message, the Swedish reason on the page when the state refuses the step or somebody else's change won, and
 * a form error next to its field (400). A case the user may not see (another unit's, an avvikelse of a law whose
 * role they lack) and a case that is no avvikelse are not found, for every URL here.
 */
@Controller
@StaffPage
@RequestMapping("/arenden/{caseId}/avvikelse")
class AvvikelsePage {

    private static final String PATH = "avvikelse/";

    private final AvvikelseWork work;
    private final CasePageFlow page;

    AvvikelsePage(AvvikelseWork work, CasePageFlow page) {
        this.work = work;
        this.page = page;
    }

    /**
     * {@code atgarder/avvikelse-anteckning.html}: {@code type} a wire word ({@code vad-hande} …), {@code concerns} a
     * date, {@code measureTakenAt} a local date and time (for an åtgärd only).
     */
    record EntryForm(@NotBlank(message = "Välj vad anteckningen gäller.") String type,
            @NotBlank(message = "Ange vilket datum anteckningen gäller.") String concerns,
            @NotBlank(message = "Ange källan, t.ex. intervju med personal eller journal.")
            @Size(max = AvvikelseWork.MAX_SOURCE, message = AvvikelseWork.TOO_LONG_SOURCE) String source,
            @NotBlank(message = "Skriv anteckningen.")
            @Size(max = AvvikelseWork.MAX_TEXT, message = AvvikelseWork.TOO_LONG_TEXT) String text,
            String measureTakenAt) implements ActionForm {

        public Map<String, String> fields() {
            return draft("type", type, "concerns", concerns, "source", source, "text", text, "measureTakenAt",
                    measureTakenAt);
        }
    }

    /**
     * {@code atgarder/avvikelse-risk.html}: probability and consequence 1–4. The patterns let a blank value through
     * to {@code @NotBlank}, so a field has one message.
     */
    record RiskForm(@NotBlank(message = "Välj sannolikhet.")
            @Pattern(regexp = "[1-4]?", message = "Välj sannolikhet 1–4.") String probability,
            @NotBlank(message = "Välj konsekvens.")
            @Pattern(regexp = "[1-4]?", message = "Välj konsekvens 1–4.") String consequence,
            @NotBlank(message = "Motivera bedömningen kort.")
            @Size(max = AvvikelseWork.MAX_RISK_MOTIVATION, message = AvvikelseWork.TOO_LONG_MOTIVATION)
            String motivation) implements ActionForm {

        public Map<String, String> fields() {
            return draft("probability", probability, "consequence", consequence, "motivation", motivation);
        }
    }

    /** {@code atgarder/avvikelse-beslut.html}: {@code serious} is {@code ja} or {@code nej}. */
    record DecisionForm(@NotBlank(message = "Välj om det är allvarligt.")
            @Pattern(regexp = "(ja|nej)?", message = "Välj ja eller nej.") String serious,
            @NotBlank(message = "Motivera beslutet.")
            @Size(max = AvvikelseWork.MAX_DECISION_MOTIVATION, message = AvvikelseWork.TOO_LONG_MOTIVATION)
            String motivation) implements ActionForm {

        public Map<String, String> fields() {
            return draft("serious", serious, "motivation", motivation);
        }
    }

    /** {@code atgarder/avvikelse-ivo.html}. */
    record IvoReportForm(@NotBlank(message = "Ange vilket datum anmälan gjordes.") String reportedOn,
            @NotBlank(message = "Ange IVO:s diarienummer.")
            @Size(max = AvvikelseWork.MAX_IVO_REFERENCE, message = AvvikelseWork.TOO_LONG_IVO_REFERENCE)
            @Pattern(regexp = AvvikelseWork.IVO_REFERENCE, message = AvvikelseWork.BAD_IVO_REFERENCE)
            String ivoReference) implements ActionForm {

        public Map<String, String> fields() {
            return draft("reportedOn", reportedOn, "ivoReference", ivoReference);
        }
    }

    /** {@code atgarder/avvikelse-skollagen.html}: when the step happened, a local date and time. */
    record ChainStepForm(@NotBlank(message = "Ange när det skedde.") String occurredAt) implements ActionForm {

        public Map<String, String> fields() {
            return draft("occurredAt", occurredAt);
        }
    }

    @PostMapping("/utredningsanteckning")
    String addEntry(@PathVariable UUID caseId, @Valid @ModelAttribute EntryForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Optional<EntryType> type = Optional.ofNullable(form.type()).flatMap(EntryType::fromWire);
        if (type.isEmpty() && !invalid.hasFieldErrors("type")) {
            invalid.rejectValue("type", "unknown", "Välj en av typerna i listan.");
        }
        LocalDate concerns = date(invalid, "concerns", form.concerns());
        Instant measureTakenAt = moment(invalid, "measureTakenAt", form.measureTakenAt());
        return step(new Command(PATH + "utredningsanteckning", "entry-", form, invalid,
                        "Utredningsanteckningen är sparad.",
                        id -> work.addEntry(id, type.orElseThrow(), concerns, form.source().strip(),
                                form.text().strip(), measureTakenAt, user)),
                caseId, user, model, flash, response);
    }

    @PostMapping("/riskbedomning")
    String assessRisk(@PathVariable UUID caseId, @Valid @ModelAttribute RiskForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return step(new Command(PATH + "riskbedomning", "risk-", form, invalid, "Riskbedömningen är sparad.",
                        id -> work.assessRisk(id, Integer.parseInt(form.probability()),
                                Integer.parseInt(form.consequence()), form.motivation().strip(), user)),
                caseId, user, model, flash, response);
    }

    @PostMapping("/beslut")
    String decide(@PathVariable UUID caseId, @Valid @ModelAttribute DecisionForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return step(new Command(PATH + "beslut", "decision-", form, invalid, "Beslutet är sparat.",
                        id -> work.decide(id, "ja".equals(form.serious()), form.motivation().strip(), user)),
                caseId, user, model, flash, response);
    }

    @PostMapping("/ivo-anmalan")
    String reportToIvo(@PathVariable UUID caseId, @Valid @ModelAttribute IvoReportForm form, BindingResult invalid,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        LocalDate reportedOn = date(invalid, "reportedOn", form.reportedOn());
        return step(new Command(PATH + "ivo-anmalan", "ivo-", form, invalid, "Anmälan till IVO är registrerad.",
                        id -> work.reportToIvo(id, reportedOn, form.ivoReference().strip(), user)),
                caseId, user, model, flash, response);
    }

    @PostMapping("/avsluta-utredning")
    String complete(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return step(new Command(PATH + "avsluta-utredning", "complete-", null, null, "Utredningen är avslutad.",
                        id -> work.complete(id, user)),
                caseId, user, model, flash, response);
    }

    /** A step of the 6 kap 10 § skollagen chain, by its path ({@link InvestigationPageView#CHAIN_PATHS}). */
    @PostMapping("/{path:anmalan-till-rektor|anmalan-till-huvudman|utredning-inledd}")
    String chainStep(@PathVariable UUID caseId, @PathVariable String path, @Valid @ModelAttribute ChainStepForm form,
            BindingResult invalid, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        AvvikelseStep step = InvestigationPageView.CHAIN_PATHS.entrySet().stream()
                .filter(chain -> chain.getValue().equals(path)).findFirst().orElseThrow().getKey();
        Instant occurredAt = moment(invalid, "occurredAt", form.occurredAt());
        return step(new Command(PATH + path, "chain-", form, invalid,
                        Swedish.capitalized(AvvikelseCase.swedish(step)) + " är registrerad.",
                        id -> work.recordChainStep(id, step, occurredAt, user)),
                caseId, user, model, flash, response);
    }

    /** A case that is no avvikelse, or not the user's to see, is not found before anything else is looked at. */
    private String step(Command command, UUID caseId, StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        work.avvikelseCase(new CaseId(caseId), user);
        return page.act(command, caseId, user, model, flash, response);
    }

    /** A date as {@code <input type="date">} sends it (2026-11-23); null when blank or wrong, which is rejected. */
    private static LocalDate date(BindingResult invalid, String field, String value) {
        return parsed(invalid, field, value, LocalDate::parse, "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.");
    }

    /**
     * A local date and time as {@code <input type="datetime-local">} sends it (2026-11-23T16:00), in Stockholm; null
     * when blank (the step says whether it needs one) or wrong, which is rejected.
     */
    private static Instant moment(BindingResult invalid, String field, String value) {
        return parsed(invalid, field, value, text -> LocalDateTime.parse(text).atZone(AvvikelseCase.STOCKHOLM)
                .toInstant(), "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-11-23 16:00.");
    }

    private static <T> T parsed(BindingResult invalid, String field, String value, Function<String, T> parse,
            String message) {
        if (value == null || value.isBlank() || invalid.hasFieldErrors(field)) {
            return null;
        }
        try {
            return parse.apply(value.strip().replace(' ', 'T'));
        } catch (DateTimeParseException wrong) {
            invalid.rejectValue(field, "format", message);
            return null;
        }
    }
}
