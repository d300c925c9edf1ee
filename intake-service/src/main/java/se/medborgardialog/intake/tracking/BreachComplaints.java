package se.medborgardialog.intake.tracking;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.submission.Caller;
import se.medborgardialog.intake.submission.Receipt;
import se.medborgardialog.intake.submission.SubmissionRequest;
import se.medborgardialog.intake.submission.SubmissionService;
import se.medborgardialog.intake.web.InvalidRequestException;

/**
 * A complaint that a case's tjänstegaranti was not kept, filed by the case's tracking code (the link the citizen was
 * mailed, or the status page's): a klagomål about that case, published by the one {@link SubmissionService} as every
 * synpunkt is (its validation naming fields, the Kafka ack before the receipt, the idempotency key), carrying the
 * case in {@code concerns}, so case-service opens it in the unit that has the case and links the two. Only a case
 * with a breached tjänstegaranti takes one; an unknown code or a case whose guarantees were kept is not found.
 */
@Service
class BreachComplaints {

    private static final Logger log = LoggerFactory.getLogger(BreachComplaints.class);
    static final String KIND = "klagomål";
    /** The synpunkt category when the case's own is not one (a felanmälan's category is the fault catalogue's). */
    static final String FALLBACK_CATEGORY = "ovrigt";

    private final StatusLookup lookup;
    private final SubmissionService submissions;
    private final CategoryCatalogue categories;

    BreachComplaints(StatusLookup lookup, SubmissionService submissions, CategoryCatalogue categories) {
        this.lookup = lookup;
        this.submissions = submissions;
        this.categories = categories;
    }

    /** What the complaint is about, for the page: the case and the guarantee that was not kept. */
    record Breached(String trackingCode, String diarienummer, String title, String compensation) {

        /** The citizen's complaint as the form offers it, to edit. */
        String suggestedText() {
            return "Kommunen höll inte tjänstegarantin ”" + title + "” för mitt ärende"
                    + (diarienummer == null ? "" : " " + diarienummer) + ". Jag vill lämna ett klagomål på det.";
        }
    }

    /** How the citizen can be reached about the complaint; all optional. */
    record ContactDetails(String name, String email, String phone) {
    }

    /**
     * @throws InvalidRequestException      a malformed code (400, naming {@code trackingCode})
     * @throws UnknownTrackingCodeException no case follows the code, or none of its tjänstegarantier was breached (404)
     */
    Breached breached(String typedCode) {
        return breached(lookup.findCase(typedCode));
    }

    private static Breached breached(StatusLookup.Found found) {
        CaseStatus.GuaranteeBreach breach = found.status().breachToComplainAbout();
        return new Breached(found.view().trackingCode(), found.status().diarienummer(), breach.title(),
                breach.compensation());
    }

    /**
     * Publishes the complaint (answered only once Kafka acknowledged it). A text left out is the suggested one; a
     * blank one is refused like any synpunkt's.
     *
     * @param channel {@code web} from the page, {@code app} from the API
     */
    Receipt complain(String typedCode, String text, ContactDetails contact, String channel, String idempotencyKey) {
        StatusLookup.Found found = lookup.findCase(typedCode);
        Breached breached = breached(found);
        CaseStatus status = found.status();
        String category = categories.contains(status.category()) ? status.category() : FALLBACK_CATEGORY;
        SubmissionRequest request = new SubmissionRequest(KIND, category,
                text == null ? breached.suggestedText() : text, channel,
                contact == null ? null : new SubmissionRequest.ContactRequest(contact.name(), contact.email(),
                        contact.phone()), null);
        Receipt receipt = submissions.submitConcerning(request, new CaseId(UUID.fromString(status.id())),
                Caller.anonymous(), idempotencyKey);
        log.info("Complaint {} about the breached guarantee of case {} published", receipt.submissionId(),
                status.id());
        return receipt;
    }
}
