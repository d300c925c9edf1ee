package se.medborgardialog.intake.tracking;

import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.DuplicateReportLinked;
import se.medborgardialog.contracts.EforslagExpired;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagRejected;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.TrackingCode;

/**
 * Builds the public status view from the events intake reads back (messaging/InboundEvents). Takes only what a
 * citizen may see about their own case: kind, category, dates, status, diarienummer and unit; never names,
 * contact details, the submission's text or the answer. Logs ids only.
 */
@Component
class CaseStatusProjection {

    private static final Logger log = LoggerFactory.getLogger(CaseStatusProjection.class);
    private static final String NO_REF = "";

    private final CaseStatusStore store;

    CaseStatusProjection(CaseStatusStore store) {
        this.store = store;
    }

    @EventListener
    void on(SynpunktSubmitted submitted) {
        UUID caseId = submitted.submissionId().value();
        register(submitted.trackingCode(), caseId, false);
        store.apply(caseId, CaseStatusStore.fields()
                        .set("caseType", CaseType.SYNPUNKT.name())
                        .set("kind", submitted.kind() == null ? null : submitted.kind().name())
                        .set("category", submitted.category())
                        .set("receivedAt", submitted.receivedAt()),
                new HistoryEntry("mottagen", submitted.receivedAt(), NO_REF, null));
    }

    @EventListener
    void on(FelanmalanSubmitted submitted) {
        if (submitted.duplicateOf() != null) {
            // The reporter follows the open case their report duplicates; DuplicateReportLinked adds the step.
            register(submitted.trackingCode(), submitted.duplicateOf().value(), true);
            return;
        }
        UUID caseId = submitted.submissionId().value();
        register(submitted.trackingCode(), caseId, false);
        store.apply(caseId, CaseStatusStore.fields()
                        .set("caseType", CaseType.FELANMALAN.name())
                        .set("category", submitted.category())
                        .set("receivedAt", submitted.receivedAt()),
                new HistoryEntry("mottagen", submitted.receivedAt(), NO_REF, null));
    }

    @EventListener
    void on(EforslagSubmitted submitted) {
        UUID caseId = submitted.proposalId().value();
        register(submitted.trackingCode(), caseId, false);
        store.apply(caseId, CaseStatusStore.fields()
                        .set("caseType", CaseType.E_FORSLAG.name())
                        .set("category", submitted.category())
                        .set("receivedAt", submitted.submittedAt()),
                new HistoryEntry("mottagen", submitted.submittedAt(), NO_REF, null));
    }

    @EventListener
    void on(CaseOpened opened) {
        String diarienummer = opened.diarienummer() == null ? null : opened.diarienummer().value();
        store.apply(opened.caseId().value(), CaseStatusStore.fields()
                        .set("caseType", opened.caseType() == null ? null : opened.caseType().name())
                        .set("kind", opened.kind() == null ? null : opened.kind().name())
                        .set("category", opened.category())
                        .set("receivedAt", opened.receivedAt())
                        .set("diarienummer", diarienummer)
                        .set("unit", opened.unit()),
                new HistoryEntry("registrerad", opened.openedAt(), NO_REF, diarienummer));
    }

    /**
     * The clocks whose due date is the answer a citizen is promised: a synpunkt's or felanmälan's first answer and
     * the nämnd's answer to an e-förslag. Other clocks (an avvikelse's legal steps, later a guarantee's
     * acknowledgement) are staff's business and must not overwrite the date the citizen was told.
     */
    static final Set<String> ANSWER_CLOCKS = Set.of("first-answer", "namnd-answer");

    @EventListener
    void on(DeadlineScheduled scheduled) {
        if (!ANSWER_CLOCKS.contains(scheduled.clock())) {
            return;
        }
        store.apply(scheduled.caseId().value(), CaseStatusStore.fields()
                        .set("answerBy", scheduled.dueDate() == null ? null : scheduled.dueDate().toString())
                        .set("answerByAt", scheduled.dueAt()),
                null);
    }

    /**
     * A tjänstegaranti of the case was not kept: the citizen is told on the status page, with the compensation and a
     * way to complain. A riktlinje or a legal deadline is the municipality's own business. The latest breach wins.
     */
    @EventListener
    void on(DeadlineBreached breached) {
        GuaranteeRef guarantee = breached.guarantee();
        if (guarantee == null || guarantee.type() != GuaranteeType.TJANSTEGARANTI) {
            return;
        }
        store.apply(breached.caseId().value(), CaseStatusStore.fields().set("guaranteeBreach",
                        new CaseStatus.GuaranteeBreach(guarantee.id(), guarantee.version(), guarantee.title(),
                                breached.compensation(), breached.detectedAt())),
                new HistoryEntry("garanti-bruten", breached.detectedAt(), guarantee.id(), guarantee.title()));
    }

    @EventListener
    void on(CaseAnswered answered) {
        store.apply(answered.caseId().value(), CaseStatusStore.fields()
                        .set("answeredAt", answered.answeredAt())
                        .set("unit", answered.unit()),
                new HistoryEntry("besvarad", answered.answeredAt(), NO_REF, null));
    }

    @EventListener
    void on(CaseClosed closed) {
        String outcome = closed.outcome() == null ? null : closed.outcome().name();
        store.apply(closed.caseId().value(), CaseStatusStore.fields()
                        .set("closedAt", closed.closedAt())
                        .set("outcome", outcome)
                        .set("unit", closed.unit()),
                new HistoryEntry("avslutad", closed.closedAt(), NO_REF, outcome));
    }

    /**
     * The case moved to another unit: the citizen sees who has it now, and staff of that unit (not the one that sent
     * it) may fetch its attachments ({@link CaseProgressLookup}). A case's events come in order (one key).
     */
    @EventListener
    void on(CaseForwarded forwarded) {
        store.apply(forwarded.caseId().value(), CaseStatusStore.fields().set("unit", forwarded.toUnit()),
                new HistoryEntry("overlamnad", forwarded.forwardedAt(), NO_REF, forwarded.toUnit()));
    }

    @EventListener
    void on(DuplicateReportLinked linked) {
        // The linked report's id tells two links at one instant apart; it is not shown.
        store.apply(linked.caseId().value(), CaseStatusStore.fields(),
                new HistoryEntry("dubblett-kopplad", linked.linkedAt(),
                        linked.submissionId() == null ? NO_REF : linked.submissionId().toString(), null));
    }

    @EventListener
    void on(EforslagPublished published) {
        store.apply(published.proposalId().value(), CaseStatusStore.fields()
                        .set("caseType", CaseType.E_FORSLAG.name())
                        .set("category", published.category())
                        .set("publishedAt", published.publishedAt()),
                new HistoryEntry("publicerat", published.publishedAt(), NO_REF,
                        published.closesAt() == null ? null : published.closesAt().toString()));
    }

    @EventListener
    void on(EforslagRejected rejected) {
        store.apply(rejected.proposalId().value(), CaseStatusStore.fields()
                        .set("caseType", CaseType.E_FORSLAG.name())
                        .set("rejectedAt", rejected.rejectedAt()),
                new HistoryEntry("avvisat", rejected.rejectedAt(), NO_REF, rejected.reason()));
    }

    @EventListener
    void on(EforslagExpired expired) {
        store.apply(expired.proposalId().value(), CaseStatusStore.fields()
                        .set("caseType", CaseType.E_FORSLAG.name())
                        .set("expiredAt", expired.expiredAt()),
                new HistoryEntry("utgatt", expired.expiredAt(), NO_REF,
                        expired.signatures() + " av " + expired.threshold()));
    }

    @EventListener
    void on(EforslagSentToNamnd sent) {
        UUID caseId = sent.proposalId().value();
        register(sent.trackingCode(), caseId, false);
        store.apply(caseId, CaseStatusStore.fields()
                        .set("caseType", CaseType.E_FORSLAG.name())
                        .set("category", sent.category())
                        .set("sentToNamndAt", sent.sentAt())
                        .set("namnd", sent.namnd()),
                new HistoryEntry("skickat-till-namnd", sent.sentAt(), NO_REF, sent.namnd()));
    }

    /**
     * The officer asked the citizen for more information: the case waits for them from {@code requestedAt}. The
     * question itself stays in case-service (it may hold personal data).
     */
    @EventListener
    void on(CitizenInfoRequested requested) {
        store.apply(requested.caseId().value(), CaseStatusStore.fields()
                        .latest("infoRequestedAt", requested.requestedAt()),
                new HistoryEntry("information-begard", requested.requestedAt(), NO_REF, null));
    }

    /** The citizen's information reached the case (their reply, or what the officer registered after a call). */
    @EventListener
    void on(CitizenInfoReceived received) {
        store.apply(received.caseId().value(), CaseStatusStore.fields()
                        .latest("infoReceivedAt", received.receivedAt()),
                new HistoryEntry("information-mottagen", received.receivedAt(), NO_REF, null));
    }

    /**
     * The citizen's reply, read back from intake's own topic (and applied by {@link CitizenReplies} as soon as Kafka
     * acknowledged it, so the page the receipt links to says so at once; the read-back then changes nothing). Only
     * the time and the reply's id are kept, never its text.
     */
    @EventListener
    void on(CitizenReplied replied) {
        store.apply(replied.caseId().value(), CaseStatusStore.fields().latest("repliedAt", replied.repliedAt()),
                new HistoryEntry("svar-skickat", replied.repliedAt(),
                        replied.replyId() == null ? NO_REF : replied.replyId(), null));
    }

    private void register(TrackingCode code, UUID caseId, boolean linkedReport) {
        if (code == null) {
            return;
        }
        TrackingCodeFormat.canonical(code.value()).ifPresentOrElse(
                canonical -> store.registerCode(canonical, caseId, linkedReport),
                () -> log.warn("Case {} came with a tracking code that is not well-formed; not registered", caseId));
    }
}
