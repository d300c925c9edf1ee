package se.medborgardialog.cases.casework;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.medborgardialog.cases.audit.AuditLog;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case page's machinery, shared by every controller with actions on it ({@link CasePage}, and a feature's own,
 * such as the avvikelse's steps): the page shown inside an audited read with every {@link CasePageSection}, and an
 * action's post run as Post/Redirect/Get ({@link #act}).
 */
@Component
public class CasePageFlow {

    /** The page's path, before an action's path below it. */
    static final String ACTION = "POST /arenden/{caseId}/";

    private final CaseWork work;
    private final CaseStore store;
    private final AuditLog audit;
    private final DeadlineProperties deadlines;
    private final AttachmentLinkProperties attachmentLinks;
    private final KnownUnits units;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final List<CasePageSection> sections;

    CasePageFlow(CaseWork work, CaseStore store, AuditLog audit, DeadlineProperties deadlines,
            AttachmentLinkProperties attachmentLinks, KnownUnits units, PersonalDataCipher cipher, JsonMapper json,
            Clock clock, List<CasePageSection> sections) {
        this.work = work;
        this.store = store;
        this.audit = audit;
        this.deadlines = deadlines;
        this.attachmentLinks = attachmentLinks;
        this.units = units;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.sections = List.copyOf(sections);
    }

    /** A form's fields by name, to put what the officer typed back into the form. */
    public interface ActionForm {

        Map<String, String> fields();
    }

    /** Names and values, in pairs, for {@link ActionForm#fields}; a field left out of the post is left out here too. */
    public static Map<String, String> draft(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    /**
     * One action's post, for {@link #act}.
     *
     * @param path    the action's path below the case, for the audit log when the page is shown again
     * @param prefix  the action's prefix to its fields' ids on the page, e.g. {@code answer-} for {@code answer-text}
     * @param form    what the officer sent; null for an action without fields
     * @param invalid the form's validation; null for an action without fields
     * @param done    the message on the page after it succeeded
     */
    public record Command(String path, String prefix, ActionForm form, BindingResult invalid, String done,
            Function<CaseId, CaseWork.Done> run) {

        /** By the fields' ids on the page, in the order of the form's fields (the summary's order). */
        Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (invalid != null) {
                List<String> fields = form != null && form.getClass().isRecord()
                        ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                        : List.of();
                invalid.getFieldErrors().stream()
                        .sorted(Comparator.comparingInt(error -> fields.indexOf(error.getField())))
                        .forEach(error -> errors.putIfAbsent(prefix + error.getField(), error.getDefaultMessage()));
            }
            return errors;
        }

        /** What the officer typed, by the fields' ids on the page. */
        Map<String, String> drafts() {
            return form == null ? Map.of() : form.fields().entrySet().stream()
                    .collect(Collectors.toMap(field -> prefix + field.getKey(), Map.Entry::getValue));
        }
    }

    /**
     * An action's post: another unit's case is not found (before anything else is looked at); a form with errors,
     * or a value the work refuses (an unknown colleague or unit), shows the page again with them tied to their
     * fields (400); otherwise the command runs and the officer goes back to the page (Post/Redirect/Get) with its
     * message, or, when the case's rules refused it or somebody else's change won, with the Swedish reason and what
     * they typed still in the form.
     */
    public String act(Command command, UUID caseId, StaffUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CaseId id = new CaseId(caseId);
        Case aCase = work.caseFor(id, user.units());
        Map<String, String> errors = command.errors();
        if (errors.isEmpty()) {
            try {
                command.run().apply(id);
                flash.addFlashAttribute("notice", command.done());
                return "redirect:/arenden/" + id;
            } catch (IllegalCaseTransitionException | ConcurrentCaseChangeException refused) {
                flash.addFlashAttribute("problem", refused.getMessage());
                flash.addFlashAttribute("drafts", command.drafts());
                return "redirect:/arenden/" + id;
            } catch (InvalidFieldException wrongValue) {
                errors.put(command.prefix() + wrongValue.field(), wrongValue.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("drafts", command.drafts());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(aCase, user, ACTION + command.path(), model);
    }

    /** The case page, after its read is in the audit log with {@code what}. */
    String render(Case aCase, StaffUser user, String what, Model model) {
        // logged before anything is shown: no read of personal data without its trace
        audit.recordRead(user.getUsername(), aCase.caseId(), what);
        List<LinkView> links = work.links(aCase);
        model.addAttribute("view", CasePageView.of(aCase, affectedPerson(aCase),
                DeadlineLabel.of(aCase, clock.instant(), deadlines.dueSoon()), attachmentLinks, links,
                openable(links, user), user.getUsername()));
        model.addAttribute("outcomes", CasePageView.OUTCOMES.stream()
                .map(outcome -> Map.entry(Outcomes.toWire(outcome), Swedish.outcome(outcome))).toList());
        model.addAttribute("relations", CasePageView.RELATIONS);
        model.addAttribute("units", units.all().stream()
                .filter(unit -> !unit.equals(aCase.unit()))
                .map(unit -> Map.entry(unit, Swedish.words(unit))).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("drafts")) {
            model.addAttribute("drafts", Map.of());
        }
        sections.forEach(section -> section.addTo(aCase, user, what, model));
        return "arenden/arende";
    }

    /** The linked cases the officer may open from the page. */
    private Set<String> openable(List<LinkView> links, StaffUser user) {
        return links.stream()
                .filter(link -> store.find(new CaseId(UUID.fromString(link.caseId())))
                        .filter(other -> CaseAccess.maySee(user, other)).isPresent())
                .map(LinkView::caseId)
                .collect(Collectors.toSet());
    }

    /** Decrypted only here, inside the audited read. */
    private AffectedPerson affectedPerson(Case aCase) {
        String stored = aCase.affectedPersonEncrypted();
        return stored == null ? null : json.readValue(cipher.decrypt(stored), AffectedPerson.class);
    }
}
