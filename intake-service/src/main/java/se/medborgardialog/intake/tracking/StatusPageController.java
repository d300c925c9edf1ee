package se.medborgardialog.intake.tracking;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.intake.submission.SynpunktPageProperties;
import se.medborgardialog.intake.web.InvalidRequestException;

/** The citizen's status page: a GET form with the field {@code kod}, answered on the server without JavaScript. */
@Controller
class StatusPageController {

    private static final Logger log = LoggerFactory.getLogger(StatusPageController.class);

    static final String PAGE = "status/sida";

    private final StatusLookup lookup;
    private final SynpunktPageProperties properties;

    StatusPageController(StatusLookup lookup, SynpunktPageProperties properties) {
        this.lookup = lookup;
        this.properties = properties;
    }

    @GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
    String status(@RequestParam(name = "kod", required = false) String kod, Model model,
            HttpServletResponse response) {
        model.addAttribute("municipality", properties.municipality());
        model.addAttribute("kod", kod == null ? "" : kod);
        model.addAttribute("example", TrackingCodeFormat.EXAMPLE);
        if (kod == null || kod.isBlank()) {
            if (kod != null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", "Ange din spårningskod.");
            }
            return PAGE;
        }
        try {
            model.addAttribute("view", lookup.find(kod));
        } catch (InvalidRequestException malformed) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", StatusLookup.MALFORMED);
        } catch (UnknownTrackingCodeException unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", UnknownTrackingCodeException.MESSAGE);
        }
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
