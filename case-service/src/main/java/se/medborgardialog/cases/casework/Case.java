package se.medborgardialog.cases.casework;

import se.medborgardialog.contracts.CaseType;
import java.time.Instant;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.avvikelse.Avvikelse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.TrackingCode;

/**
 * A case (ärende) opened from a submission. State changes only through the guarded transitions below, each of
 * which returns the event that announces it; the store writes the change and that event in one update.
 *
 * <p>Closing rule: from {@code ANSWERED} with any outcome. From {@code OPEN} without an answer only with
 * {@code dubblett}, {@code hänvisat} or {@code ingen-åtgärd}, or, when the case is anonymous (so it cannot be
 * answered), with any outcome except {@code besvarat}. An anonymous case cannot be answered; an e-förslag can,
 * though no one can be reached: the nämnd's answer is published with the proposal, not sent to a person.
 */
@Document("cases")
public final class Case {

    /** Outcomes that need no answer to the citizen first. */
    private static final Set<CaseOutcome> CLOSABLE_UNANSWERED =
            EnumSet.of(CaseOutcome.DUBBLETT, CaseOutcome.HANVISAT, CaseOutcome.INGEN_ATGARD);

    @Id
    private String id;
    @Version
    private Long version;
    private String diarienummer;
    private String trackingCode;
    private SynpunktKind kind;
    /** Null on cases stored before case types existed: those are synpunkter. */
    private CaseType caseType;
    /** Only for an avvikelse. */
    private LegalFlow legalFlow;
    /** Felanmälan: where the fault is. */
    private Location location;
    /** Synpunkt: references to the attached files (images, PDF; the files stay with intake). */
    private List<AttachmentRef> attachments = new ArrayList<>();
    /** Felanmälan: references to the photos (the files stay with intake). */
    private List<AttachmentRef> photos = new ArrayList<>();
    /** Felanmälan: later reports of the same fault, linked instead of opening cases of their own. */
    private List<LinkedReport> linkedReports = new ArrayList<>();
    /** Avvikelse: the affected person, encrypted at rest ({@code PersonalDataCipher}); null when none. */
    private String affectedPersonEncrypted;
    /** Avvikelse: its legal steps recorded so far (investigation, decisions, IVO report, Skollagen chain); may be null. */
    private Avvikelse avvikelse;
    private String category;
    private String unit;
    private Channel channel;
    private Instant receivedAt;
    private Instant openedAt;
    /** Personal data, kept because the officer needs it to answer. */
    private String text;
    /** Personal data; null when the submission is anonymous. */
    private Contact contact;
    /** Kept apart from the contact so the queue can show it without reading personal data. */
    private boolean anonymous;
    private CaseStatus status;
    private Answer answer;
    /** The answer's e-mail to the citizen; null when the contact has no e-mail address. */
    private AnswerMail answerMail;
    private Closure closure;
    private CaseDeadline deadline;
    private List<HistoryEntry> history = new ArrayList<>();
    private List<PendingEvent> outbox = new ArrayList<>();

    private Case() {
        // for the mapping layer
    }

    /** Registers a submission as a case in {@code unit}'s queue. */
    public static Case open(SynpunktSubmitted submission, Diarienummer diarienummer, String unit, Instant now) {
        Objects.requireNonNull(submission.submissionId(), "submissionId");
        Case aCase = new Case();
        aCase.id = submission.submissionId().value().toString();
        aCase.diarienummer = diarienummer.value();
        aCase.trackingCode = submission.trackingCode() == null ? null : submission.trackingCode().value();
        aCase.kind = submission.kind();
        aCase.category = submission.category();
        aCase.unit = Objects.requireNonNull(unit, "unit");
        aCase.channel = submission.channel();
        aCase.receivedAt = submission.receivedAt() == null ? now : submission.receivedAt();
        aCase.openedAt = now;
        aCase.text = submission.text();
        aCase.contact = submission.contact();
        aCase.anonymous = cannotBeReached(submission.contact());
        aCase.caseType = CaseType.SYNPUNKT;
        aCase.attachments = submission.attachments() == null ? new ArrayList<>()
                : new ArrayList<>(submission.attachments());
        aCase.status = CaseStatus.OPEN;
        aCase.history.add(new HistoryEntry("registrerat som " + diarienummer.value() + " hos " + unit,
                HistoryEntry.SYSTEM, now));
        return aCase;
    }

    /** A felanmälan: a fault at a place, with photos, in the unit its category routes to. */
    public static Case open(FelanmalanSubmitted report, Diarienummer diarienummer, String unit, Instant now) {
        Objects.requireNonNull(report.submissionId(), "submissionId");
        Case aCase = base(report.submissionId().value(), diarienummer, unit, now, CaseType.FELANMALAN);
        aCase.trackingCode = report.trackingCode() == null ? null : report.trackingCode().value();
        aCase.category = report.category();
        aCase.channel = report.channel();
        aCase.receivedAt = report.receivedAt() == null ? now : report.receivedAt();
        aCase.text = report.description();
        aCase.contact = report.contact();
        aCase.anonymous = cannotBeReached(report.contact());
        aCase.location = report.location();
        aCase.photos = report.photos() == null ? new ArrayList<>() : new ArrayList<>(report.photos());
        return aCase;
    }

    /**
     * An avvikelse in the unit it happened in. Never answered to a citizen (nobody to answer), so it counts as
     * anonymous for the closing rule.
     */
    public static Case open(AvvikelseReported report, String affectedPersonEncrypted, Diarienummer diarienummer,
            Instant now) {
        Objects.requireNonNull(report.submissionId(), "submissionId");
        Case aCase = base(report.submissionId().value(), diarienummer, report.unit(), now, CaseType.AVVIKELSE);
        aCase.trackingCode = report.trackingCode() == null ? null : report.trackingCode().value();
        aCase.legalFlow = Objects.requireNonNull(report.legalFlow(), "legalFlow");
        aCase.category = report.legalFlow().name().toLowerCase().replace('_', '-');
        aCase.receivedAt = report.submittedAt() == null ? now : report.submittedAt();
        aCase.text = report.whatHappened();
        aCase.anonymous = true;
        aCase.affectedPersonEncrypted = affectedPersonEncrypted;
        return aCase;
    }

    /** An e-förslag that reached its threshold, for the nämnd to answer; received when it was sent. */
    public static Case open(EforslagSentToNamnd proposal, Diarienummer diarienummer, String unit, Instant now) {
        Objects.requireNonNull(proposal.proposalId(), "proposalId");
        Case aCase = base(proposal.proposalId().value(), diarienummer, unit, now, CaseType.E_FORSLAG);
        aCase.trackingCode = proposal.trackingCode() == null ? null : proposal.trackingCode().value();
        aCase.category = proposal.category();
        aCase.channel = Channel.WEB;
        aCase.receivedAt = proposal.sentAt() == null ? now : proposal.sentAt();
        aCase.text = proposal.title() + "\n\n" + proposal.text();
        aCase.anonymous = true;
        return aCase;
    }

    private static Case base(UUID id, Diarienummer diarienummer, String unit, Instant now, CaseType type) {
        Case aCase = new Case();
        aCase.id = id.toString();
        aCase.diarienummer = diarienummer.value();
        aCase.unit = Objects.requireNonNull(unit, "unit");
        aCase.caseType = type;
        aCase.openedAt = now;
        aCase.status = CaseStatus.OPEN;
        aCase.history.add(new HistoryEntry("registrerat som " + diarienummer.value() + " hos " + unit,
                HistoryEntry.SYSTEM, now));
        return aCase;
    }

    /** The event announcing this case was opened; carries no personal data. */
    public CaseOpened opened() {
        return new CaseOpened(caseId(), new SubmissionId(caseId().value()), new Diarienummer(diarienummer), kind,
                category, channel, unit, receivedAt, openedAt, caseType(), legalFlow);
    }

    public CaseAnswered answer(String answerText, String officer, Instant now) {
        if (status != CaseStatus.OPEN) {
            throw new IllegalCaseTransitionException(this, "Ärendet är " + status.swedish() + " och kan inte besvaras.");
        }
        if (isAnonymous() && caseType() != CaseType.E_FORSLAG) {
            throw new IllegalCaseTransitionException(this,
                    "Ärendet är anonymt och kan inte besvaras; avsluta det i stället.");
        }
        answer = new Answer(Objects.requireNonNull(answerText, "answerText"), now, officer);
        if (contact != null && !isBlank(contact.email())) {
            answerMail = AnswerMail.queued(id, now);
        }
        status = CaseStatus.ANSWERED;
        history.add(new HistoryEntry("besvarat", officer, now));
        return new CaseAnswered(caseId(), unit, now, officer);
    }

    public CaseClosed close(CaseOutcome outcome, String officer, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        switch (status) {
            case CLOSED -> throw new IllegalCaseTransitionException(this, "Ärendet är redan avslutat.");
            case OPEN -> {
                boolean allowed = CLOSABLE_UNANSWERED.contains(outcome)
                        || (isAnonymous() && outcome != CaseOutcome.BESVARAT);
                if (!allowed) {
                    throw new IllegalCaseTransitionException(this,
                            "Ärendet är inte besvarat; utan svar kan det bara avslutas som dubblett, hänvisat eller "
                                    + "ingen åtgärd (ett anonymt ärende även som åtgärdat).");
                }
            }
            case ANSWERED -> {
                // every outcome is fine once the citizen has been answered
            }
        }
        closure = new Closure(outcome, now, officer);
        status = CaseStatus.CLOSED;
        history.add(new HistoryEntry("avslutat: " + Outcomes.toWire(outcome), officer, now));
        return new CaseClosed(caseId(), unit, outcome, now, officer);
    }

    /** Anonymous means there is nobody to answer: no e-mail and no phone. */
    public boolean isAnonymous() {
        return anonymous;
    }

    private static boolean cannotBeReached(Contact contact) {
        return contact == null || (isBlank(contact.email()) && isBlank(contact.phone()));
    }

    void stage(PendingEvent event) {
        outbox.add(event);
    }

    HistoryEntry lastStep() {
        return history.get(history.size() - 1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public CaseId caseId() {
        return new CaseId(UUID.fromString(id));
    }

    public Long version() {
        return version;
    }

    public Diarienummer diarienummer() {
        return new Diarienummer(diarienummer);
    }

    public TrackingCode trackingCode() {
        return trackingCode == null ? null : new TrackingCode(trackingCode);
    }

    public SynpunktKind kind() {
        return kind;
    }

    public CaseType caseType() {
        return caseType == null ? CaseType.SYNPUNKT : caseType;
    }

    public LegalFlow legalFlow() {
        return legalFlow;
    }

    public Location location() {
        return location;
    }

    public List<AttachmentRef> attachments() {
        return attachments == null ? List.of() : List.copyOf(attachments);
    }

    public List<AttachmentRef> photos() {
        return photos == null ? List.of() : List.copyOf(photos);
    }

    public List<LinkedReport> linkedReports() {
        return linkedReports == null ? List.of() : List.copyOf(linkedReports);
    }

    /** Ciphertext; decrypt only in an audited read. */
    public String affectedPersonEncrypted() {
        return affectedPersonEncrypted;
    }

    /** Changed only by the avvikelse feature's guarded steps; null until its first step. */
    public Avvikelse avvikelse() {
        return avvikelse;
    }

    public String category() {
        return category;
    }

    public String unit() {
        return unit;
    }

    public Channel channel() {
        return channel;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String text() {
        return text;
    }

    public Contact contact() {
        return contact;
    }

    public CaseStatus status() {
        return status;
    }

    public Answer answer() {
        return answer;
    }

    /** Null when there is no e-mail to send (no address, or not answered yet). */
    public AnswerMail answerMail() {
        return answerMail;
    }

    public Closure closure() {
        return closure;
    }

    public CaseDeadline deadline() {
        return deadline;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
