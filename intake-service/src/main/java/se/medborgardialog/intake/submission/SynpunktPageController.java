package se.medborgardialog.intake.submission;

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
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.FormPosts;

/**
 * The citizen's own pages: the form for a synpunkt and its receipt, rendered on the server so they work without
 * JavaScript. Posting goes through {@link SubmissionService} exactly as the JSON API does (same validation, same
 * idempotency, answered only once Kafka has the event); only the answers are pages instead of JSON.
 */
@Controller
class SynpunktPageController {

    private static final Logger log = LoggerFactory.getLogger(SynpunktPageController.class);

    static final String FORM = "synpunkt/formular";
    static final String RECEIPT = "synpunkt/kvitto";
    static final String FAILURE = "synpunkt/fel";

    /** The kinds in the order the form offers them; the values are the words the API accepts. */
    static final List<KindOption> KINDS = List.of(
            new KindOption("beröm", "kind-berom", "Beröm"),
            new KindOption("klagomål", "kind-klagomal", "Klagomål"),
            new KindOption("förslag", "kind-forslag", "Förslag"),
            new KindOption("fråga", "kind-fraga", "Fråga"));

    /** Validator field names, and the id of the control each one's error belongs to. */
    private static final Map<String, String> FIELDS = Map.of(
            "kind", "kind",
            "category", "category",
            "text", "text",
            "contact.name", "name",
            "contact.email", "email",
            "contact.phone", "phone");

    private static final DateTimeFormatter SWEDISH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("sv-SE"));
    private static final String THANKS = "Tack för din synpunkt! ";

    private final SubmissionService submissions;
    private final CategoryCatalogue catalogue;
    private final SynpunktPageProperties properties;
    private final AttachmentProperties attachmentLimits;

    SynpunktPageController(SubmissionService submissions, CategoryCatalogue catalogue,
            SynpunktPageProperties properties, AttachmentProperties attachmentLimits) {
        this.attachmentLimits = attachmentLimits;
        this.submissions = submissions;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("municipality", properties.municipality());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("maxTextLength", SubmissionValidator.MAX_TEXT_LENGTH);
        attachmentLimits.addTo(model);
    }

    @GetMapping(path = {"/", "/synpunkt"}, produces = MediaType.TEXT_HTML_VALUE)
    String form(Model model, CsrfToken csrf) {
        // Loads the deferred token now, so its cookie is set before the page starts streaming out.
        if (csrf != null) {
            csrf.getToken();
        }
        return showForm(model, SynpunktForm.blank(), List.of());
    }

    /** The form is sent as multipart (it has a file input); url-encoded, from an older page, still works. */
    @PostMapping(path = "/synpunkt",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE},
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(@ModelAttribute("submitted") SynpunktForm posted,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        SynpunktForm form = posted.withUsableKey();
        List<Upload> uploads = Upload.of("attachments", files);
        // A browser cannot fill a file input in again: if the form comes back, the files must be chosen again.
        model.addAttribute("chooseFilesAgain", !uploads.isEmpty());
        return FormPosts.answer(
                () -> submissions.submit(form.toRequest(), uploads, Caller.anonymous(), form.storedIdempotencyKey()),
                receipt -> {
                    model.addAttribute("receipt", receipt);
                    model.addAttribute("answerByWords", SWEDISH_DATE.format(LocalDate.parse(receipt.answerBy())));
                    model.addAttribute("receiptSentence", withoutThanks(receipt.message()));
                    return RECEIPT;
                },
                (errors, withNewKey) -> showForm(model, withNewKey ? form.withNewKey() : form, errors),
                model, response);
    }

    /** Anything unexpected gets a Swedish page rather than the API's problem JSON, and never a stack trace. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on a citizen page", failure);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("municipality", properties.municipality());
        return FAILURE;
    }

    private String showForm(Model model, SynpunktForm form, List<FieldViolation> violations) {
        List<FormError> errors = new ArrayList<>();
        Map<String, String> errorByField = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            String field = violation.field().startsWith("attachments") ? "attachments"
                    : FIELDS.getOrDefault(violation.field(), "text");
            errorByField.merge(field, violation.message(), (first, second) -> first + " " + second);
        }
        errorByField.forEach((field, message) -> errors.add(new FormError(field, linkTarget(field), message)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorByField", errorByField);
        return FORM;
    }

    /** A radio group has no focusable element of its own: its error links to the first choice. */
    private static String linkTarget(String field) {
        return "kind".equals(field) ? KINDS.get(0).id() : field;
    }

    private static String withoutThanks(String message) {
        return message.startsWith(THANKS) ? message.substring(THANKS.length()) : message;
    }

    record KindOption(String value, String id, String label) {
    }

    /**
     * @param field  the control's id (and the form field's name)
     * @param target the id the error summary links to
     */
    record FormError(String field, String target, String message) {
    }
}
