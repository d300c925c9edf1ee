package se.medborgardialog.intake.tracking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * The citizen's status page: a GET form with the field {@code kod}, answered on the server without JavaScript.
 * While the officer waits for the citizen it also holds the reply form, which posts to {@code /status/svar}.
 */
@Controller
class StatusPageController {

    private static final Logger log = LoggerFactory.getLogger(StatusPageController.class);

    static final String PAGE = "status/sida";
    static final String REPLY_RECEIPT = "status/svar-kvitto";

    private final StatusLookup lookup;
    private final CitizenReplies replies;
    private final SynpunktPageProperties properties;

    StatusPageController(StatusLookup lookup, CitizenReplies replies, SynpunktPageProperties properties) {
        this.lookup = lookup;
        this.replies = replies;
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("municipality", properties.municipality());
        model.addAttribute("example", TrackingCodeFormat.EXAMPLE);
        model.addAttribute("maxReplyLength", CitizenReplies.maxLengthInWords());
    }

    @GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
    String status(@RequestParam(name = "kod", required = false) String kod, Model model,
            HttpServletResponse response, CsrfToken csrf) {
        model.addAttribute("kod", kod == null ? "" : kod);
        if (kod == null || kod.isBlank()) {
            if (kod != null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", "Ange din spårningskod.");
            }
            return PAGE;
        }
        try {
            StatusView view = lookup.find(kod);
            model.addAttribute("view", view);
            if (view.awaitsReply()) {
                // Loads the deferred token now, so its cookie is set before the page starts streaming out.
                if (csrf != null) {
                    csrf.getToken();
                }
                model.addAttribute("replyForm", CitizenReplyForm.blank(view.trackingCode()));
            }
        } catch (InvalidRequestException malformed) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", StatusLookup.MALFORMED);
        } catch (UnknownTrackingCodeException unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", UnknownTrackingCodeException.MESSAGE);
        }
        return PAGE;
    }

    /**
     * The reply form: the receipt once Kafka has the reply; otherwise the status page again with what was typed
     * and why (the text's error at its field, {@code 503} not received with the same token, {@code 409} when the
     * case does not wait for a reply, an unknown or malformed code at the code's field as for the GET).
     */
    @PostMapping(path = "/status/svar", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String reply(@ModelAttribute("submitted") CitizenReplyForm posted, Model model, HttpServletResponse response) {
        CitizenReplyForm form = posted.withUsableKey();
        model.addAttribute("kod", form.kod() == null ? "" : form.kod());
        try {
            return FormPosts.answer(
                    () -> replies.reply(form.kod(), form.text(), form.storedIdempotencyKey()),
                    receipt -> {
                        model.addAttribute("receipt", receipt);
                        return REPLY_RECEIPT;
                    },
                    (errors, withNewKey) -> showAgain(model, withNewKey ? form.withNewKey() : form, errors),
                    model, response);
        } catch (NoQuestionPendingException notWaiting) {
            response.setStatus(notWaiting.status().value());
            model.addAttribute("view", lookup.find(form.kod()));
            model.addAttribute("replyRefused", notWaiting.getMessage());
            return PAGE;
        }
    }

    private String showAgain(Model model, CitizenReplyForm form, List<FieldViolation> errors) {
        String codeError = errors.stream().filter(error -> "trackingCode".equals(error.field()))
                .map(FieldViolation::message).findFirst().orElse(null);
        if (codeError != null) {
            model.addAttribute("error", codeError);
            return PAGE;
        }
        model.addAttribute("view", lookup.find(form.kod()));
        model.addAttribute("replyForm", form);
        errors.stream().map(FieldViolation::message).reduce((first, second) -> first + " " + second)
                .ifPresent(message -> model.addAttribute("replyError", message));
        return PAGE;
    }

    /** Anything unexpected gets the Swedish failure page rather than the API's problem JSON. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on the status page", failure);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("municipality", properties.municipality());
        return "status/fel";
    }
}
