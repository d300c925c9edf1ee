package se.medborgardialog.cases.casework;

import se.medborgardialog.contracts.CaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.avvikelse.Avvikelse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseAssigned;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseLinkType;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.CasesLinked;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.DecisionDemanded;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
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
    /** History steps of a closing and a reopening; {@link #closings()} and {@link #reopenings()} read them back. */
    private static final String CLOSED_STEP = "avslutat: ";
    private static final String REOPENED_STEP = "återöppnat";

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
    /** Read only: the single answer of cases stored before a case could be answered again; see {@link #answers()}. */
    private Answer answer;
    /** Every answer given, oldest first (a reopened case can be answered again). */
    private List<Answer> answers = new ArrayList<>();
    /** Read only: the answer mail of cases stored before there were other mails; see {@link #mails()}. */
    private CaseMail answerMail;
    /** E-mails to the citizen (answers, questions); their {@code sentAt} is written by the mail feature only. */
    private List<CaseMail> mails = new ArrayList<>();
    /** Mails queued by a transition since the case was read: the store adds them, never rewrites the list. */
    @Transient
    private List<CaseMail> queuedMails = new ArrayList<>();
    /** The officer responsible; null while the case is in the unit's queue. */
    private String assignee;
    /** Since when the case waits for the citizen's reply; null when it does not. */
    private Instant waitingSince;
    private List<CitizenQuestion> questions = new ArrayList<>();
    private List<CitizenReply> replies = new ArrayList<>();
    private List<InternalNote> notes = new ArrayList<>();
    private List<Forwarding> forwardings = new ArrayList<>();
    /** Links made from this case; links made from other cases to this one are found by a query. */
    private List<CaseLink> links = new ArrayList<>();
    private Closure closure;
    private CaseDeadline deadline;
    /** Guarantees the case's clocks did not keep, with any compensation; written once per clock. */
    private List<GuaranteeBreach> guaranteeBreaches = new ArrayList<>();
    /** The party's demand for a decision (Förvaltningslagen 12 §); null when none was made. */
    private DecisionDemand decisionDemand;
    /** A complaint about an earlier case: that case; null otherwise. */
    private ConcernedCase concerns;
    /**
     * Ids of things other services told the case that went into its history (a rescheduled deadline, a complaint
     * about it), so a redelivered event adds nothing.
     */
    private List<String> recordedNotices = new ArrayList<>();
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

    /** Answers the citizen; also ends a wait for the citizen's reply (the answer may be what they needed). */
    public CaseAnswered answer(String answerText, String officer, Instant now) {
        if (status != CaseStatus.OPEN && status != CaseStatus.WAITING_FOR_CITIZEN) {
            throw refused("Ärendet är " + status.swedish() + " och kan inte besvaras.");
        }
        if (isAnonymous() && caseType() != CaseType.E_FORSLAG) {
            throw refused("Ärendet är anonymt och kan inte besvaras; avsluta det i stället.");
        }
        List<Answer> all = answersForChange();
        all.add(new Answer(Objects.requireNonNull(answerText, "answerText"), now, officer));
        if (hasEmail()) {
            queueMail(CaseMail.Purpose.ANSWER, all.size(), now);
        }
        waitingSince = null;
        status = CaseStatus.ANSWERED;
        history.add(new HistoryEntry("besvarat", officer, now));
        return new CaseAnswered(caseId(), unit, now, officer);
    }

    public CaseClosed close(CaseOutcome outcome, String officer, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        switch (status) {
            case CLOSED -> throw refused("Ärendet är redan avslutat.");
            case OPEN, WAITING_FOR_CITIZEN -> {
                boolean allowed = CLOSABLE_UNANSWERED.contains(outcome)
                        || (isAnonymous() && outcome != CaseOutcome.BESVARAT);
                if (!allowed) {
                    throw refused("Ärendet är inte besvarat; utan svar kan det bara avslutas som dubblett, hänvisat "
                            + "eller ingen åtgärd (ett anonymt ärende även som åtgärdat).");
                }
            }
            case ANSWERED -> {
                // every outcome is fine once the citizen has been answered
            }
        }
        closure = new Closure(outcome, now, officer);
        waitingSince = null;
        status = CaseStatus.CLOSED;
        history.add(new HistoryEntry(CLOSED_STEP + Outcomes.toWire(outcome), officer, now));
        return new CaseClosed(caseId(), unit, outcome, now, officer);
    }

    /** The officer takes the case. Someone else's case is taken over with {@link #reassign}, never by a claim. */
    public CaseAssigned claim(String officer, Instant now) {
        refuseWhenClosed("tilldelas");
        if (officer.equals(assignee)) {
            throw refused("Du har redan ärendet.");
        }
        if (assignee != null) {
            throw refused("Ärendet är redan tilldelat " + assignee + "; omfördela det om du ska ta över.");
        }
        return assignTo(officer, "tagit ärendet", officer, now);
    }

    /** Gives a case nobody has to a colleague of its unit (checked by the caller). */
    public CaseAssigned assign(String colleague, String officer, Instant now) {
        refuseWhenClosed("tilldelas");
        if (colleague.equals(assignee)) {
            throw refused(colleague + " har redan ärendet.");
        }
        if (assignee != null) {
            throw refused("Ärendet är redan tilldelat " + assignee + "; omfördela det i stället.");
        }
        return assignTo(colleague, "tilldelat " + colleague, officer, now);
    }

    /** Moves a case someone has to another colleague of its unit (checked by the caller). */
    public CaseAssigned reassign(String colleague, String officer, Instant now) {
        refuseWhenClosed("omfördelas");
        if (assignee == null) {
            throw refused("Ärendet är inte tilldelat någon; tilldela det i stället.");
        }
        if (colleague.equals(assignee)) {
            throw refused(colleague + " har redan ärendet.");
        }
        return assignTo(colleague, "omfördelat från " + assignee + " till " + colleague, officer, now);
    }

    /** Puts the case back in the unit's queue. */
    public CaseAssigned release(String officer, Instant now) {
        refuseWhenClosed("lämnas tillbaka");
        if (assignee == null) {
            throw refused("Ärendet är inte tilldelat någon.");
        }
        return assignTo(null, "tillbaka i enhetens kö (hade " + assignee + ")", officer, now);
    }

    private CaseAssigned assignTo(String newAssignee, String what, String officer, Instant now) {
        assignee = newAssignee;
        history.add(new HistoryEntry(what, officer, now));
        return new CaseAssigned(caseId(), unit, newAssignee, officer, now);
    }

    /**
     * Moves the case to another unit's queue (a known unit, checked by the caller). Its deadlines go on as they
     * are; nobody in the new unit has it yet. The reason stays in the case, never in the history or the event.
     */
    public CaseForwarded forward(String toUnit, String reason, String officer, Instant now) {
        refuseWhenClosed("lämnas över");
        Objects.requireNonNull(toUnit, "toUnit");
        if (toUnit.equals(unit)) {
            throw refused("Ärendet ligger redan hos " + unit + ".");
        }
        String fromUnit = unit;
        forwardings.add(new Forwarding(fromUnit, toUnit, reason, officer, now));
        unit = toUnit;
        assignee = null;
        history.add(new HistoryEntry("överlämnat från " + fromUnit + " till " + toUnit, officer, now));
        return new CaseForwarded(caseId(), fromUnit, toUnit, officer, now);
    }

    /** Asks the citizen for more: the case waits for their reply, mailed to them when they gave an e-mail address. */
    public CitizenInfoRequested askCitizen(String question, String officer, Instant now) {
        if (status != CaseStatus.OPEN) {
            throw refused("Ärendet är " + status.swedish() + "; bara ett öppet ärende kan skicka en fråga till "
                    + "medborgaren.");
        }
        if (isAnonymous()) {
            throw refused("Ärendet är anonymt; det finns ingen att fråga.");
        }
        questions.add(new CitizenQuestion(stepId("question"), Objects.requireNonNull(question, "question"), officer,
                now));
        if (hasEmail()) {
            queueMail(CaseMail.Purpose.QUESTION, questions.size(), now);
        }
        waitingSince = now;
        status = CaseStatus.WAITING_FOR_CITIZEN;
        history.add(new HistoryEntry("fråga till medborgaren", officer, now));
        return new CitizenInfoRequested(caseId(), unit, officer, now);
    }

    /**
     * The citizen's reply reached the case: the wait ends and the case is open again.
     *
     * @param registeredBy the officer who took it by phone or letter, or {@link CitizenReply#CITIZEN}
     */
    public CitizenInfoReceived receiveCitizenReply(String replyId, String text, String registeredBy,
            Instant receivedAt, Instant now) {
        if (status != CaseStatus.WAITING_FOR_CITIZEN) {
            throw refused("Ärendet är " + status.swedish() + " och väntar inte på svar från medborgaren.");
        }
        replies.add(new CitizenReply(replyId, Objects.requireNonNull(text, "text"), registeredBy, receivedAt, false));
        waitingSince = null;
        status = CaseStatus.OPEN;
        history.add(new HistoryEntry(CitizenReply.CITIZEN.equals(registeredBy) ? "svar från medborgaren"
                : "svar från medborgaren registrerat", registeredBy, now));
        return new CitizenInfoReceived(caseId(), unit, registeredBy, receivedAt);
    }

    /** A reply that came when the case was not waiting (the officer already registered one, or answered): kept. */
    public void keepLateCitizenReply(String replyId, String text, Instant receivedAt, Instant now) {
        replies.add(new CitizenReply(replyId, text, CitizenReply.CITIZEN, receivedAt, true));
        history.add(new HistoryEntry("sent svar från medborgaren (ärendet väntade inte på det)",
                CitizenReply.CITIZEN, now));
    }

    public boolean hasReply(String replyId) {
        return replies.stream().anyMatch(reply -> reply.replyId().equals(replyId));
    }

    /** A note for colleagues, in any status. The history says a note was written, never what it says. */
    public void addNote(String text, String author, Instant now) {
        notes.add(new InternalNote(Objects.requireNonNull(text, "text"), author, now));
        history.add(new HistoryEntry("intern anteckning", author, now));
    }

    /**
     * Opens an answered or closed case again. The answers stay; the closure goes (it is in the history). The reason
     * is kept as an internal note, so it is encrypted like any note.
     */
    public CaseReopened reopen(String reason, String officer, Instant now) {
        if (status != CaseStatus.ANSWERED && status != CaseStatus.CLOSED) {
            throw refused("Ärendet är " + status.swedish() + "; bara ett besvarat eller avslutat ärende kan "
                    + "öppnas igen.");
        }
        closure = null;
        status = CaseStatus.OPEN;
        notes.add(new InternalNote("Återöppnat: " + Objects.requireNonNull(reason, "reason"), officer, now));
        history.add(new HistoryEntry(REOPENED_STEP, officer, now));
        return new CaseReopened(caseId(), unit, officer, now);
    }

    /** Links this case to another one about the same matter. */
    public CasesLinked linkTo(Case other, String officer, Instant now) {
        refuseSelfOrExistingLink(other);
        return addLink(other, CaseLinkType.RELATED, "länkat till " + other.diarienummer, officer, now);
    }

    /** What a merge announces, in the order it is published. */
    public record Merged(CasesLinked linked, CaseClosed closed) {
    }

    /** Merges this case into {@code other} as its duplicate: linked to it, and closed as a dubblett. */
    public Merged mergeInto(Case other, String officer, Instant now) {
        refuseSelfOrExistingLink(other);
        if (status == CaseStatus.CLOSED) {
            throw refused("Ärendet är avslutat och kan inte slås samman.");
        }
        other.links.stream().filter(link -> link.relation() == CaseLinkType.DUPLICATE_OF).findFirst()
                .ifPresent(link -> {
                    throw refused("Ärendet " + other.diarienummer + " är självt en dubblett av "
                            + link.diarienummer() + "; slå samman med det i stället.");
                });
        CasesLinked linked = addLink(other, CaseLinkType.DUPLICATE_OF, "dubblett av " + other.diarienummer, officer,
                now);
        return new Merged(linked, close(CaseOutcome.DUBBLETT, officer, now));
    }

    /**
     * This newly opened complaint is about {@code original} (a synpunkt with {@code concerns}): it names it and is
     * linked to it as related. The original's own history gets {@link #complaintReceived}.
     */
    public CasesLinked complaintAbout(Case original, Instant now) {
        concerns = new ConcernedCase(original.id, original.diarienummer);
        history.add(new HistoryEntry("klagomål på ärende " + original.diarienummer, HistoryEntry.SYSTEM, now));
        return addLink(original, CaseLinkType.RELATED, "länkat till " + original.diarienummer, HistoryEntry.SYSTEM,
                now);
    }

    /** The history entry of the case a complaint is about. */
    public static HistoryEntry complaintReceived(Case complaint, Instant now) {
        return new HistoryEntry("klagomål på ärendet inkom: " + complaint.diarienummer, HistoryEntry.SYSTEM, now);
    }

    /** What recording a breached guarantee adds to the case, for the store to append in one update. */
    public record BreachRecorded(GuaranteeBreach breach, HistoryEntry step, CaseMail mail) {
    }

    /**
     * A clock of the case did not keep its guarantee. The breach and its compensation are recorded; a breached
     * tjänstegaranti is also mailed to the citizen when they gave an e-mail address (with the link to complain
     * about it), never for a riktlinje or a legal deadline, nor on an anonymous case.
     *
     * @return empty when this clock's breach was recorded before
     */
    public Optional<BreachRecorded> guaranteeBreached(String clock, GuaranteeRef guarantee, String compensation,
            Instant dueAt, Instant breachedAt, Instant now) {
        Objects.requireNonNull(guarantee, "guarantee");
        if (guaranteeBreaches().stream().anyMatch(breach -> breach.clock().equals(clock))) {
            return Optional.empty();
        }
        String owed = compensation == null || compensation.isBlank() ? null : compensation.strip();
        GuaranteeBreach breach = new GuaranteeBreach(clock, guarantee.id(), guarantee.version(), guarantee.title(),
                guarantee.type(), owed, dueAt, breachedAt, now);
        if (guaranteeBreaches == null) {
            guaranteeBreaches = new ArrayList<>();
        }
        guaranteeBreaches.add(breach);
        String what = (guarantee.type() == GuaranteeType.TJANSTEGARANTI ? "tjänstegarantin" : "tidsfristen")
                + " ”" + guarantee.title() + "” (version " + guarantee.version() + ") hölls inte"
                + (owed == null ? "" : "; ersättning: " + owed);
        HistoryEntry step = new HistoryEntry(what, HistoryEntry.SYSTEM, now);
        history.add(step);
        CaseMail mail = null;
        if (breach.isTjanstegaranti() && !isAnonymous() && hasEmail() && trackingCode != null) {
            mail = CaseMail.queued(id, CaseMail.Purpose.BREACH, guaranteeBreaches.size(), now);
            mailList().add(mail);
        }
        return Optional.of(new BreachRecorded(breach, step, mail));
    }

    /** The history entry of a deadline sla-service moved without anything happening on the case. */
    public static HistoryEntry deadlineRescheduled(String clockName, LocalDate dueDate, String reason, Instant at) {
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        return new HistoryEntry("Tidsgränsen " + clockName + " flyttades till " + dueDate + why, HistoryEntry.SYSTEM,
                at);
    }

    /** Case types a person starts, whose party may demand a decision under Förvaltningslagen 12 §. */
    private static final Set<CaseType> STARTED_BY_A_PERSON = EnumSet.of(CaseType.SYNPUNKT, CaseType.FELANMALAN);
    /** FL 12 §: a decision may be demanded once the case has gone six months undecided. */
    private static final Period UNDECIDED_FOR = Period.ofMonths(6);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /**
     * The party demanded a decision (Förvaltningslagen 12 §), which the municipality must make within four weeks.
     * Only for an open case a person started, at least six months after it was received, and once.
     *
     * @param demandedAt when the demand reached the municipality (checked by the caller: not in the future, not
     *                   before the case was received)
     */
    public DecisionDemanded demandDecision(Instant demandedAt, String officer, Instant now) {
        String why = whyNoDecisionDemand();
        if (why != null) {
            throw refused(why);
        }
        LocalDate possibleFrom = receivedAt.atZone(STOCKHOLM).toLocalDate().plus(UNDECIDED_FOR);
        if (demandedAt.atZone(STOCKHOLM).toLocalDate().isBefore(possibleFrom)) {
            throw refused("Ärendet kom in " + receivedAt.atZone(STOCKHOLM).toLocalDate() + "; avgörande kan begäras "
                    + "först när det varit oavgjort i sex månader, från " + possibleFrom + " (förvaltningslagen 12 §).");
        }
        decisionDemand = new DecisionDemand(demandedAt, officer, now);
        history.add(new HistoryEntry("begäran om avgörande (förvaltningslagen 12 §) mottagen "
                + demandedAt.atZone(STOCKHOLM).toLocalDate(), officer, now));
        return new DecisionDemanded(caseId(), unit, demandedAt, officer, now);
    }

    /** Why a decision cannot be demanded on the case as it is now (whatever the date); null when it can. */
    public String whyNoDecisionDemand() {
        if (!STARTED_BY_A_PERSON.contains(caseType())) {
            return "Avgörande kan bara begäras i ärenden som en enskild har inlett (förvaltningslagen 12 §).";
        }
        if (status != CaseStatus.OPEN && status != CaseStatus.WAITING_FOR_CITIZEN) {
            return "Ärendet är " + status.swedish() + "; avgörande kan bara begäras i ett öppet ärende.";
        }
        if (decisionDemand != null) {
            return "Avgörande begärdes redan " + decisionDemand.demandedAt().atZone(STOCKHOLM).toLocalDate() + ".";
        }
        return null;
    }

    private void refuseSelfOrExistingLink(Case other) {
        if (other.id.equals(id)) {
            throw refused("Ett ärende kan inte länkas till sig självt.");
        }
        if (isLinkedTo(other.id) || other.isLinkedTo(id)) {
            throw refused("Ärendena " + diarienummer + " och " + other.diarienummer + " är redan länkade.");
        }
    }

    private boolean isLinkedTo(String otherId) {
        return links.stream().anyMatch(link -> link.caseId().equals(otherId));
    }

    private CasesLinked addLink(Case other, CaseLinkType relation, String what, String officer, Instant now) {
        links.add(new CaseLink(other.id, other.diarienummer, relation, officer, now));
        history.add(new HistoryEntry(what, officer, now));
        return new CasesLinked(caseId(), unit, other.caseId(), relation, officer, now);
    }

    private void refuseWhenClosed(String what) {
        if (status == CaseStatus.CLOSED) {
            throw refused("Ärendet är avslutat och kan inte " + what + ".");
        }
    }

    private IllegalCaseTransitionException refused(String swedishMessage) {
        return new IllegalCaseTransitionException(this, swedishMessage);
    }

    /** An id for a step, the same for the same step of the same version (a retried command names the same step). */
    private String stepId(String kind) {
        return UUID.nameUUIDFromBytes((id + ":" + kind + ":" + version + ":" + history.size())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private boolean hasEmail() {
        return contact != null && !isBlank(contact.email());
    }

    private void queueMail(CaseMail.Purpose purpose, int number, Instant now) {
        CaseMail mail = CaseMail.queued(id, purpose, number, now);
        mailList().add(mail);
        queuedMails.add(mail);
    }

    /** The answers as a list to change, with an answer stored before answers were a list moved into it. */
    private List<Answer> answersForChange() {
        if (answers == null) {
            answers = new ArrayList<>();
        }
        if (answer != null) {
            answers.add(0, answer);
            answer = null;
        }
        return answers;
    }

    private List<CaseMail> mailList() {
        if (mails == null) {
            mails = new ArrayList<>();
        }
        return mails;
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

    /** The latest answer; null when the case was never answered. */
    public Answer answer() {
        List<Answer> all = answers();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The first answer: when the citizen first heard from us (the first-answer clock stops there). */
    public Answer firstAnswer() {
        List<Answer> all = answers();
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * When the case was closed, every time, oldest first: the closure goes when a case is reopened, its history step
     * stays (as each {@code CaseClosed} stays on the topic).
     */
    public List<Instant> closings() {
        return history.stream().filter(step -> step.what().startsWith(CLOSED_STEP)).map(HistoryEntry::when).toList();
    }

    /** When the case was reopened, every time, oldest first. */
    public List<Instant> reopenings() {
        return history.stream().filter(step -> step.what().equals(REOPENED_STEP)).map(HistoryEntry::when).toList();
    }

    /** Every answer, oldest first. */
    public List<Answer> answers() {
        List<Answer> all = new ArrayList<>();
        if (answer != null) {
            all.add(answer);
        }
        if (answers != null) {
            all.addAll(answers);
        }
        return List.copyOf(all);
    }

    /** The latest answer's e-mail; null when there is none (no address, or not answered yet). */
    public CaseMail answerMail() {
        return mails().stream().filter(mail -> mail.purposeOrAnswer() == CaseMail.Purpose.ANSWER)
                .reduce((first, second) -> second).orElse(null);
    }

    /** Every e-mail to the citizen, oldest first. */
    public List<CaseMail> mails() {
        List<CaseMail> all = new ArrayList<>();
        if (answerMail != null) {
            all.add(answerMail);
        }
        if (mails != null) {
            all.addAll(mails);
        }
        return List.copyOf(all);
    }

    public Optional<CaseMail> mail(String mailId) {
        return mails().stream().filter(mail -> mail.mailId().equals(mailId)).findFirst();
    }

    /** Mails queued since the case was read, for the store to add. */
    List<CaseMail> queuedMails() {
        return List.copyOf(queuedMails);
    }

    public String assignee() {
        return assignee;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public List<CitizenQuestion> questions() {
        return questions == null ? List.of() : List.copyOf(questions);
    }

    public List<CitizenReply> replies() {
        return replies == null ? List.of() : List.copyOf(replies);
    }

    public List<InternalNote> notes() {
        return notes == null ? List.of() : List.copyOf(notes);
    }

    public List<Forwarding> forwardings() {
        return forwardings == null ? List.of() : List.copyOf(forwardings);
    }

    public List<CaseLink> links() {
        return links == null ? List.of() : List.copyOf(links);
    }

    public Closure closure() {
        return closure;
    }

    public CaseDeadline deadline() {
        return deadline;
    }

    public List<GuaranteeBreach> guaranteeBreaches() {
        return guaranteeBreaches == null ? List.of() : List.copyOf(guaranteeBreaches);
    }

    public DecisionDemand decisionDemand() {
        return decisionDemand;
    }

    /** The earlier case this complaint is about; null when it is about none. */
    public ConcernedCase concerns() {
        return concerns;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
