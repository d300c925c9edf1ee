package se.medborgardialog.intake.eforslag.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.eforslag.EforslagService;
import se.medborgardialog.intake.eforslag.ProposalReceipt;
import se.medborgardialog.intake.eforslag.ProposalRequest;
import se.medborgardialog.intake.eforslag.ProposalView;
import se.medborgardialog.intake.eforslag.identity.DevelopmentIdentityProvider;
import se.medborgardialog.intake.eforslag.identity.IdentityEvidence;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.intake.web.ProblemException;

/**
 * The citizen's e-förslag pages, rendered on the server so they work without JavaScript: the list of published
 * proposals with a signing form each, and the form for a new proposal. They go through {@link EforslagService}
 * exactly as the JSON API does.
 */
@Controller
class EforslagPageController {

    static final String LIST = "eforslag/lista";
    static final String NEW = "eforslag/nytt";
    static final String RECEIPT = "eforslag/kvitto";

    /** A form error: the field, the id of the control to link to, the Swedish message. */
    record FormError(String field, String target, String message) {
    }

    /** What the new-proposal form holds between attempts (identity fields are never echoed back). */
    record NewProposalForm(String title, String text, String category) {

        static NewProposalForm blank() {
            return new NewProposalForm("", "", "");
        }
    }

    private static final DateTimeFormatter SWEDISH_DATE = DateTimeFormatter
            .ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE")).withZone(ZoneId.of("Europe/Stockholm"));

    /** A proposal that reached its threshold, with the day it was sent to, or answered by, the nämnd. */
    record AtTheNamnd(ProposalView proposal, String day) {
    }

    private final EforslagService eforslag;
    private final CategoryCatalogue catalogue;
    private final String municipality;

    EforslagPageController(EforslagService eforslag, CategoryCatalogue catalogue,
            @Value("${intake.municipality:Kommunen}") String municipality) {
        this.eforslag = eforslag;
        this.catalogue = catalogue;
        this.municipality = municipality;
    }

    @ModelAttribute
    void common(Model model, CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken();
        }
        model.addAttribute("municipality", municipality);
        model.addAttribute("identityLabel", DevelopmentIdentityProvider.LABEL);
        model.addAttribute("municipalityCode", eforslag.properties().municipalityCode());
        model.addAttribute("categories", catalogue.categories());
    }

    @GetMapping(path = "/e-forslag", produces = MediaType.TEXT_HTML_VALUE)
    String list(Model model) {
        return showList(model, null, null, List.of());
    }

    @PostMapping(path = "/e-forslag/{id}/underskrift", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String sign(@PathVariable UUID id, @RequestParam(required = false) String personnummer,
            @RequestParam(required = false) String kommun, Model model, HttpServletResponse response) {
        try {
            eforslag.sign(id, new IdentityEvidence(personnummer, kommun));
            return showList(model, id, "Tack! Din underskrift är registrerad.", List.of());
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showList(model, id, null, errors(invalid.errors(), "-" + id));
        } catch (ProblemException refused) {
            response.setStatus(refused.status().value());
            return showList(model, id, refused.getMessage(), List.of());
        }
    }

    @GetMapping(path = "/e-forslag/nytt", produces = MediaType.TEXT_HTML_VALUE)
    String newForm(Model model) {
        return showNew(model, NewProposalForm.blank(), List.of(), null);
    }

    @PostMapping(path = "/e-forslag/nytt", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(@RequestParam(required = false) String title, @RequestParam(required = false) String text,
            @RequestParam(required = false) String category, @RequestParam(required = false) String personnummer,
            @RequestParam(required = false) String kommun, @RequestParam(required = false) String idempotencyKey,
            Model model, HttpServletResponse response) {
        NewProposalForm form = new NewProposalForm(title, text, category);
        String key = idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200
                ? UUID.randomUUID().toString() : idempotencyKey;
        try {
            ProposalReceipt receipt = eforslag.submit(new ProposalRequest(title, text, category, personnummer, kommun),
                    key);
            model.addAttribute("receipt", receipt);
            model.addAttribute("threshold", eforslag.properties().signatureThreshold());
            model.addAttribute("signingWindow", inWords(eforslag.properties().signingWindow()));
            model.addAttribute("namndAnswerWithin", inWords(eforslag.properties().namndAnswerWithin()));
            return RECEIPT;
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showNew(model, form, errors(invalid.errors(), ""), null);
        } catch (ProblemException refused) {
            response.setStatus(refused.status().value());
            return showNew(model, form, List.of(), refused.getMessage());
        }
    }

    private String showList(Model model, UUID about, String notice, List<FormError> errors) {
        model.addAttribute("proposals", eforslag.published());
        model.addAttribute("withTheNamnd", eforslag.withTheNamnd().stream()
                .map(proposal -> new AtTheNamnd(proposal, SWEDISH_DATE.format(
                        proposal.answeredAt() != null ? proposal.answeredAt() : proposal.sentAt() != null
                                ? proposal.sentAt() : proposal.publishedAt())))
                .toList());
        model.addAttribute("about", about == null ? null : about.toString());
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        model.addAttribute("errorByField", byField(errors));
        return LIST;
    }

    private String showNew(Model model, NewProposalForm form, List<FormError> errors, String notice) {
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("errors", errors);
        model.addAttribute("errorByField", byField(errors));
        model.addAttribute("notice", notice);
        model.addAttribute("criteria", eforslag.properties().moderationCriteria());
        return NEW;
    }

    /** "90 dagar", "6 månader", "1 år och 6 månader": a period as the receipt says it. */
    static String inWords(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + " år");
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " månad" : " månader"));
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " dag" : " dagar"));
        }
        return String.join(" och ", parts);
    }

    private static List<FormError> errors(List<FieldViolation> violations, String idSuffix) {
        List<FormError> errors = new ArrayList<>();
        for (FieldViolation violation : violations) {
            errors.add(new FormError(violation.field(), violation.field() + idSuffix, violation.message()));
        }
        return errors;
    }

    private static Map<String, String> byField(List<FormError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(error -> map.merge(error.field(), error.message(), (a, b) -> a + " " + b));
        return map;
    }
}
