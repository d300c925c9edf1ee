package se.medborgardialog.intake.felanmalan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.multipart.MultipartFile;
import se.medborgardialog.intake.attachments.AttachmentProperties;
import se.medborgardialog.intake.attachments.Upload;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.FormPosts;

/**
 * The citizen's felanmälan form and receipt, rendered on the server so they work without JavaScript. Posting goes
 * through {@link FelanmalanService} exactly as the JSON API does (same validation, idempotency, duplicate linking).
 */
@Controller
class FelanmalanPageController {

    private static final DateTimeFormatter SWEDISH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

    private static final Logger log = LoggerFactory.getLogger(FelanmalanPageController.class);

    static final String FORM = "felanmalan/formular";
    static final String RECEIPT = "felanmalan/kvitto";
    static final String FAILURE = "felanmalan/fel";

    /** Validator field names, and the id of the control each one's error belongs to. */
    private static final Map<String, String> FIELDS = Map.of(
            "category", "category",
            "description", "description",
            "location", "location",
            "location.latitude", "latitude",
            "location.longitude", "longitude",
            "location.address", "address",
            "contact.name", "name",
            "contact.email", "email",
            "contact.phone", "phone");

    private final FelanmalanService felanmalningar;
    private final FelanmalanProperties properties;
    private final SynpunktPageProperties pages;
    private final AttachmentProperties attachmentLimits;

    FelanmalanPageController(FelanmalanService felanmalningar, FelanmalanProperties properties,
            SynpunktPageProperties pages, AttachmentProperties attachmentLimits) {
        this.attachmentLimits = attachmentLimits;
        this.felanmalningar = felanmalningar;
        this.properties = properties;
        this.pages = pages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("municipality", pages.municipality());
        model.addAttribute("categories", properties.categories());
        model.addAttribute("maxDescriptionLength", FelanmalanValidator.MAX_DESCRIPTION_LENGTH);
        attachmentLimits.addTo(model);
    }

    @GetMapping(path = "/felanmalan", produces = MediaType.TEXT_HTML_VALUE)
    String form(Model model, CsrfToken csrf) {
        // Loads the deferred token now, so its cookie is set before the page starts streaming out.
        if (csrf != null) {
            csrf.getToken();
        }
        return showForm(model, FelanmalanForm.blank(), List.of());
    }

    /** The form is sent as multipart (it has a file input); url-encoded, from an older page, still works. */
    @PostMapping(path = "/felanmalan",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE},
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(@ModelAttribute("submitted") FelanmalanForm posted,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
            HttpServletResponse response) {
        FelanmalanForm form = posted.withUsableKey();
        List<Upload> uploads = Upload.of("photos", photos);
        // A browser cannot fill a file input in again: if the form comes back, the photos must be chosen again.
        model.addAttribute("chooseFilesAgain", !uploads.isEmpty());
        return FormPosts.answer(
                () -> felanmalningar.submit(form.toRequest(), uploads, form.storedIdempotencyKey()),
                receipt -> {
                    model.addAttribute("receipt", receipt);
                    model.addAttribute("answerByWords", receipt.answerBy() == null ? null
                            : SWEDISH_DATE.format(LocalDate.parse(receipt.answerBy())));
                    return RECEIPT;
                },
                (errors, withNewKey) -> showForm(model, withNewKey ? form.withNewKey() : form, errors),
                model, response);
    }

    /** Anything unexpected gets a Swedish page rather than the API's problem JSON, and never a stack trace. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on the felanmälan page", failure);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("municipality", pages.municipality());
        return FAILURE;
    }

    private String showForm(Model model, FelanmalanForm form, List<FieldViolation> violations) {
        List<FormError> errors = new ArrayList<>();
        Map<String, String> errorByField = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            String field = violation.field().startsWith("photos") ? "photos"
                    : FIELDS.getOrDefault(violation.field(), "description");
            errorByField.merge(field, violation.message(), (first, second) -> first + " " + second);
        }
        errorByField.forEach((field, message) -> errors.add(new FormError(field, linkTarget(field), message)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorByField", errorByField);
        return FORM;
    }

    /** A radio group or a fieldset has no focusable element of its own: its error links to its first control. */
    private String linkTarget(String field) {
        return switch (field) {
            case "category" -> properties.categories().isEmpty() ? "category"
                    : "category-" + properties.categories().get(0).id();
            case "location" -> "address";
            default -> field;
        };
    }

    /**
     * @param field  the control's id (or "location" for the location fieldset)
     * @param target the id the error summary links to
     */
    record FormError(String field, String target, String message) {
    }
}
