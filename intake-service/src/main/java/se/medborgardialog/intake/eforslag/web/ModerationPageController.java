package se.medborgardialog.intake.eforslag.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.intake.eforslag.EforslagService;
import se.medborgardialog.intake.eforslag.ProposalView;
import se.medborgardialog.intake.security.StaffPage;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.intake.web.ProblemException;

/**
 * The moderators' page (roles OFFICER and MODERATOR, signed in like the avvikelse page): the proposals awaiting
 * moderation, the longest-waiting first, each with a button to publish it and a form to reject it with a reason.
 * Both go through {@link EforslagService} as the API does.
 */
@Controller
@StaffPage
class ModerationPageController {

    static final String PAGE = "eforslag/moderering";

    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"))
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** A proposal awaiting moderation, with when it came in as people read it. */
    record Waiting(ProposalView proposal, String submitted) {
    }

    private final EforslagService eforslag;
    private final String municipality;

    ModerationPageController(EforslagService eforslag, @Value("${intake.municipality:Kommunen}") String municipality) {
        this.eforslag = eforslag;
        this.municipality = municipality;
    }

    @ModelAttribute
    void common(Model model, CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken();
        }
        model.addAttribute("municipality", municipality);
        model.addAttribute("criteria", eforslag.properties().moderationCriteria());
    }

    @GetMapping(path = "/moderering/e-forslag", produces = MediaType.TEXT_HTML_VALUE)
    String page(Model model) {
        return show(model, null, null, Map.of());
    }

    @PostMapping(path = "/moderering/e-forslag/{id}/publicera", produces = MediaType.TEXT_HTML_VALUE)
    String publish(@PathVariable UUID id, Principal moderator, Model model, HttpServletResponse response) {
        try {
            ProposalView published = eforslag.publish(id, moderator.getName());
            return show(model, null, "”" + published.title() + "” är publicerat och kan skrivas under.", Map.of());
        } catch (ProblemException refused) {
            response.setStatus(refused.status().value());
            return show(model, id, refused.getMessage(), Map.of());
        }
    }

    @PostMapping(path = "/moderering/e-forslag/{id}/avsla", produces = MediaType.TEXT_HTML_VALUE)
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Principal moderator,
            Model model, HttpServletResponse response) {
        try {
            ProposalView rejected = eforslag.reject(id, reason, moderator.getName());
            return show(model, null, "”" + rejected.title() + "” är avslaget. Förslagsställaren får se skälet.",
                    Map.of());
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, id, null, Map.of("reason", messages(invalid.errors())));
        } catch (ProblemException refused) {
            response.setStatus(refused.status().value());
            return show(model, id, refused.getMessage(), Map.of());
        }
    }

    private String show(Model model, UUID about, String notice, Map<String, String> errorByField) {
        List<Waiting> waiting = eforslag.awaitingModeration().stream()
                .map(proposal -> new Waiting(proposal, SWEDISH_TIME.format(proposal.submittedAt())))
                .toList();
        model.addAttribute("proposals", waiting);
        model.addAttribute("about", about == null ? null : about.toString());
        model.addAttribute("notice", notice);
        model.addAttribute("errorByField", errorByField);
        return PAGE;
    }

    private static String messages(List<FieldViolation> violations) {
        return String.join(" ", violations.stream().map(FieldViolation::message).toList());
    }
}
