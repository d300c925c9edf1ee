package se.medborgardialog.intake.avvikelse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.intake.security.StaffPage;
import se.medborgardialog.intake.security.StaffUser;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.FormPosts;

/**
 * The staff page for reporting an avvikelse (login required, see security/StaffPagesSecurity), rendered on
 * the server so it works without JavaScript. Posting goes through {@link AvvikelseService} exactly like the API.
 */
@Controller
@StaffPage
class AvvikelsePageController {

    private static final Logger log = LoggerFactory.getLogger(AvvikelsePageController.class);

    static final String FORM = "avvikelse/formular";
    static final String RECEIPT = "avvikelse/kvitto";
    static final String FAILURE = "avvikelse/fel";

    static final List<Option> LAWS = List.of(
            new Option(Law.SOL.name(), "Socialtjänstlagen (SoL)"),
            new Option(Law.LSS.name(), "LSS"),
            new Option(Law.HSL.name(), "Hälso- och sjukvårdslagen (HSL)"),
            new Option(Law.SKOLLAGEN.name(), "Skollagen"));

    static final List<Option> FLOWS = List.of(
            new Option(LegalFlow.LEX_SARAH.name(), "Lex Sarah (SoL, LSS)"),
            new Option(LegalFlow.LEX_MARIA.name(), "Lex Maria (HSL)"),
            new Option(LegalFlow.KRANKANDE_BEHANDLING.name(), "Kränkande behandling (skollagen)"),
            new Option(LegalFlow.SKOLKLAGOMAL.name(), "Klagomål på utbildningen (skollagen)"));

    /** Validator field names, and the id of the control each one's error belongs to. */
    private static final Map<String, String> FIELDS = Map.of(
            "law", "law",
            "legalFlow", "legalFlow",
            "unit", "unit",
            "whatHappened", "whatHappened",
            "occurredAt", "occurredAt",
            "noticedAt", "noticedAt",
            "immediateMeasures", "immediateMeasures",
            "affectedPerson.name", "personName",
            "affectedPerson.personnummer", "personnummer");

    private final AvvikelseService avvikelser;
    private final SynpunktPageProperties properties;

    AvvikelsePageController(AvvikelseService avvikelser, SynpunktPageProperties properties) {
        this.avvikelser = avvikelser;
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model, @AuthenticationPrincipal StaffUser user) {
        model.addAttribute("municipality", properties.municipality());
        model.addAttribute("laws", LAWS);
        model.addAttribute("flows", FLOWS);
        model.addAttribute("maxTextLength", AvvikelseValidator.MAX_TEXT_LENGTH);
        model.addAttribute("units", user == null ? List.of() : Reporter.of(user).units().stream().sorted().toList());
    }

    @GetMapping(path = "/avvikelse", produces = MediaType.TEXT_HTML_VALUE)
    String form(Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser user) {
        if (csrf != null) {
            csrf.getToken();
        }
        List<String> units = Reporter.of(user).units().stream().sorted().toList();
        return showForm(model, AvvikelseForm.blank(units.size() == 1 ? units.get(0) : null), List.of());
    }

    @PostMapping(path = "/avvikelse", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(@ModelAttribute("submitted") AvvikelseForm posted, Model model, HttpServletResponse response,
            @AuthenticationPrincipal StaffUser user) {
        AvvikelseForm form = posted.withUsableKey();
        return FormPosts.answer(
                () -> avvikelser.report(form.toRequest(), Reporter.of(user), form.storedIdempotencyKey()),
                receipt -> {
                    model.addAttribute("receipt", receipt);
                    return RECEIPT;
                },
                (errors, withNewKey) -> showForm(model, withNewKey ? form.withNewKey() : form, errors),
                model, response);
    }

    /** Anything unexpected gets a Swedish page, never a stack trace; the log names no personal data. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on the avvikelse page: {}", failure.getClass().getName());
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("municipality", properties.municipality());
        return FAILURE;
    }

    private String showForm(Model model, AvvikelseForm form, List<FieldViolation> violations) {
        Map<String, String> errorByField = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            String field = FIELDS.getOrDefault(violation.field(), "whatHappened");
            errorByField.merge(field, violation.message(), (first, second) -> first + " " + second);
        }
        List<FormError> errors = new ArrayList<>();
        errorByField.forEach((field, message) -> errors.add(new FormError(field, message)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorByField", errorByField);
        return FORM;
    }

    record Option(String value, String label) {
    }

    record FormError(String field, String message) {
    }
}
