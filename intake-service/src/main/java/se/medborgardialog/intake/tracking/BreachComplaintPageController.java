package se.medborgardialog.intake.tracking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.FormPosts;
import se.medborgardialog.intake.web.InvalidRequestException;

/**
 * The citizen's complaint that a tjänstegaranti was not kept: {@code GET /klagomal-garanti?kod=…} (the link in the
 * breach mail and on the status page) shows a synpunkt form with the kind fixed to klagomål, the case named and a
 * Swedish sentence to edit; {@code POST /klagomal-garanti} files it through {@link BreachComplaints} and shows the
 * synpunkt receipt. An unknown code, or a case with no breached tjänstegaranti, is the status page's 404 with the
 * reason at the code's field. No JavaScript; CSRF token, bot trap and form token as on every citizen form.
 */
@Controller
class BreachComplaintPageController {

    private static final Logger log = LoggerFactory.getLogger(BreachComplaintPageController.class);

    static final String PAGE = "status/klagomal";
    static final String RECEIPT = "synpunkt/kvitto";
    private static final String THANKS = "Tack för din synpunkt! ";
    /** The validator's field names, and the id of the control each one's error belongs to. */
    private static final Map<String, String> FIELDS = Map.of(
            "text", "klagomal-text",
            "contact.name", "name",
            "contact.email", "email",
            "contact.phone", "phone");

    private final BreachComplaints complaints;
    private final SynpunktPageProperties properties;

    BreachComplaintPageController(BreachComplaints complaints, SynpunktPageProperties properties) {
        this.complaints = complaints;
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("municipality", properties.municipality());
        model.addAttribute("example", TrackingCodeFormat.EXAMPLE);
    }

    @GetMapping(path = "/klagomal-garanti", produces = MediaType.TEXT_HTML_VALUE)
    String form(@RequestParam(name = "kod", required = false) String kod, Model model, HttpServletResponse response,
            CsrfToken csrf) {
        BreachComplaints.Breached breached;
        try {
            breached = complaints.breached(kod);
        } catch (InvalidRequestException | UnknownTrackingCodeException notThere) {
            return notFound(kod, notThere, model, response);
        }
        // Loads the deferred token now, so its cookie is set before the page starts streaming out.
        if (csrf != null) {
            csrf.getToken();
        }
        return show(model, breached, BreachComplaintForm.suggested(breached), List.of());
    }

    @PostMapping(path = "/klagomal-garanti", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String complain(@ModelAttribute("submitted") BreachComplaintForm posted, Model model,
            HttpServletResponse response) {
        BreachComplaintForm form = posted.withUsableKey();
        BreachComplaints.Breached breached;
        try {
            breached = complaints.breached(form.kod());
        } catch (InvalidRequestException | UnknownTrackingCodeException notThere) {
            return notFound(form.kod(), notThere, model, response);
        }
        return FormPosts.answer(
                () -> complaints.complain(form.kod(), form.typedText(), form.contact(), "web",
                        form.storedIdempotencyKey()),
                receipt -> {
                    model.addAttribute("receipt", receipt);
                    model.addAttribute("receiptSentence", receipt.message().startsWith(THANKS)
                            ? receipt.message().substring(THANKS.length()) : receipt.message());
                    return RECEIPT;
                },
                (errors, withNewKey) -> show(model, breached, withNewKey ? form.withNewKey() : form, errors),
                model, response);
    }

    /** Anything unexpected gets the Swedish failure page rather than the API's problem JSON. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on the complaint page", failure);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("municipality", properties.municipality());
        return "status/fel";
    }

    private String show(Model model, BreachComplaints.Breached breached, BreachComplaintForm form,
            List<FieldViolation> violations) {
        Map<String, String> errorByField = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            errorByField.merge(FIELDS.getOrDefault(violation.field(), "klagomal-text"), violation.message(),
                    (first, second) -> first + " " + second);
        }
        model.addAttribute("breached", breached);
        model.addAttribute("form", form);
        model.addAttribute("errorByField", errorByField);
        return PAGE;
    }

    /** The status page, with why at the code's field: 404 (no such case, or nothing to complain about), 400. */
    private static String notFound(String kod, RuntimeException why, Model model, HttpServletResponse response) {
        boolean malformed = why instanceof InvalidRequestException;
        response.setStatus(malformed ? HttpStatus.BAD_REQUEST.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("kod", kod == null ? "" : kod);
        model.addAttribute("error", malformed ? StatusLookup.MALFORMED : why.getMessage());
        return StatusPageController.PAGE;
    }
}
