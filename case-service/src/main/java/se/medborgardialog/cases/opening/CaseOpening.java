package se.medborgardialog.cases.opening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseOutbox;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.deadlines.DeadlineTracking;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.cases.casework.LinkedReport;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.DuplicateReportLinked;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case from a submission: number it, route it, store it with its pending {@code CaseOpened} in one insert,
 * then publish without waiting for the broker (the outbox keeps the event until it acknowledged). A submission seen before opens nothing and takes no number; it only pushes out an event a crash
 * may have left pending.
 */
@Service
public class CaseOpening {

    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

    private final CaseStore store;
    private final CaseOutbox outbox;
    private final CaseEventPublisher events;
    private final DiarienummerSeries diarienummer;
    private final RoutingProperties routing;
    private final DeadlineTracking deadlines;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final EventSeal seal;

    CaseOpening(CaseStore store, CaseOutbox outbox, CaseEventPublisher events, DiarienummerSeries diarienummer,
            RoutingProperties routing, DeadlineTracking deadlines, Clock clock, MeterRegistry meters,
            PersonalDataCipher cipher, JsonMapper json, EventSeal seal) {
        this.seal = seal;
        this.cipher = cipher;
        this.json = json;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.diarienummer = diarienummer;
        this.routing = routing;
        this.deadlines = deadlines;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return {@code processed} when a case was opened, {@code duplicate} when it already existed */
    public String open(SynpunktSubmitted sealed) {
        SynpunktSubmitted submission = seal.unseal(sealed);
        CaseId caseId = new CaseId(submission.submissionId().value());
        if (submission.concerns() != null) {
            return openComplaint(caseId, submission);
        }
        String unit = routing.unitFor(submission.category());
        return open(caseId, unit, (number, now) -> Case.open(submission, number, unit, now));
    }

    /**
     * A complaint about an earlier case (for example a breached tjänstegaranti, from the link the citizen was mailed)
     * opens in that case's current unit, whatever its category routes to: the unit that did not keep the promise
     * must act. It is linked to that case ({@code CasesLinked} RELATED after {@code CaseOpened}), and both histories
     * say so. A complaint about a case that does not exist (yet) fails, so the binder retries and dead-letters it.
     */
    private String openComplaint(CaseId caseId, SynpunktSubmitted submission) {
        Case original = store.find(submission.concerns()).orElseThrow(() -> new IllegalStateException(
                "Synpunkt " + caseId + " concerns case " + submission.concerns() + ", which does not exist (yet)"));
        String outcome = open(caseId, original.unit(), (number, now) -> Case.open(submission, number,
                original.unit(), now), (complaint, now) -> List.of(events.pending(caseId, EventTypes.CASES_LINKED,
                complaint.complaintAbout(original, now), now, "complaint")));
        // also after a redelivery: the first attempt may have stopped between the two writes
        store.find(caseId).ifPresent(complaint -> store.addHistoryOnce(original.caseId(),
                "complaint:" + caseId, Case.complaintReceived(complaint, clock.instant())));
        return outcome;
    }

    /**
     * A new fault opens a case routed by its category; a report of a known fault ({@code duplicateOf}) opens
     * nothing and is linked to that case instead.
     */
    public String open(FelanmalanSubmitted sealed) {
        FelanmalanSubmitted report = seal.unseal(sealed);
        if (report.duplicateOf() != null) {
            return linkDuplicate(report);
        }
        CaseId caseId = new CaseId(report.submissionId().value());
        String unit = routing.unitFor(report.category());
        return open(caseId, unit, (number, now) -> Case.open(report, number, unit, now));
    }

    /** An avvikelse opens a case in the unit it happened in, with the affected person encrypted. */
    public String open(AvvikelseReported sealed) {
        AvvikelseReported report = seal.unseal(sealed);
        CaseId caseId = new CaseId(report.submissionId().value());
        return open(caseId, report.unit(), (number, now) -> Case.open(report, encrypt(report.affectedPerson()), number, now));
    }

    /** An e-förslag sent to a nämnd opens a case in that nämnd (routed by category when none is named). */
    public String open(EforslagSentToNamnd proposal) {
        CaseId caseId = new CaseId(proposal.proposalId().value());
        String unit = proposal.namnd() == null || proposal.namnd().isBlank()
                ? routing.unitFor(proposal.category()) : proposal.namnd();
        return open(caseId, unit, (number, now) -> Case.open(proposal, number, unit, now));
    }

    private String encrypt(AffectedPerson person) {
        return person == null ? null : cipher.encrypt(json.writeValueAsString(person));
    }

    private String linkDuplicate(FelanmalanSubmitted report) {
        CaseId caseId = report.duplicateOf();
        Case existing = store.find(caseId).orElseThrow(() -> new IllegalStateException(
                "Report " + report.submissionId() + " duplicates case " + caseId + ", which does not exist (yet)"));
        Instant now = clock.instant();
        LinkedReport linked = new LinkedReport(report.submissionId().value().toString(),
                report.trackingCode() == null ? null : report.trackingCode().value(),
                report.receivedAt() == null ? now : report.receivedAt(), now);
        PendingEvent event = events.pending(caseId, EventTypes.DUPLICATE_REPORT_LINKED,
                new DuplicateReportLinked(caseId, report.submissionId(), existing.unit(), now), now,
                report.submissionId().value().toString());
        if (!store.linkReport(caseId, linked, event)) {
            log.info("Report {} already linked to case {}; nothing new", report.submissionId(), caseId);
            store.find(caseId).ifPresent(outbox::flushInOrder);
            return "duplicate";
        }
        log.info("Linked report {} to case {}", report.submissionId(), caseId);
        outbox.flush(caseId, event);
        return "processed";
    }

    private interface Opener {
        Case open(Diarienummer number, Instant now);
    }

    /** What a case's opening announces after {@code CaseOpened}, in order. */
    private interface AlsoAnnounced {
        List<PendingEvent> events(Case opened, Instant now);
    }

    private String open(CaseId caseId, String unit, Opener opener) {
        return open(caseId, unit, opener, (opened, now) -> List.of());
    }

    private String open(CaseId caseId, String unit, Opener opener, AlsoAnnounced also) {
        // a redelivery right after the first delivery leaves that one's CaseOpened, still on its way, to it
        boolean openedUnderway = outbox.isUnderway(events.eventId(caseId, EventTypes.CASE_OPENED, null));
        Optional<Case> existing = store.find(caseId);
        if (existing.isPresent()) {
            log.info("Submission {} already opened as case {}; nothing new", caseId, existing.get().diarienummer());
            if (!openedUnderway) {
                outbox.flushInOrder(existing.get());
            }
            return "duplicate";
        }
        Instant now = clock.instant();
        Diarienummer number = diarienummer.next(now);
        Case aCase = opener.open(number, now);
        PendingEvent caseOpened = events.pending(caseId, EventTypes.CASE_OPENED, aCase.opened(), now);
        List<PendingEvent> after = also.events(aCase, now);
        if (!store.insertOpened(aCase, caseOpened, after.toArray(PendingEvent[]::new))) {
            // another instance won the race for the same submission; our number stays unused (a gap)
            log.warn("Case {} was opened concurrently elsewhere; diarienummer {} left unused", caseId, number);
            return "duplicate";
        }
        Counter.builder("medborgardialog.cases.opened")
                .description("Cases opened from submissions")
                .tag("unit", unit)
                .register(meters)
                .increment();
        log.info("Opened {} case {} as {} in unit {}", aCase.caseType(), caseId, number, unit);
        deadlines.applyKnown(caseId);
        if (after.isEmpty()) {
            outbox.flushAsync(caseId, caseOpened);
        } else {
            store.find(caseId).ifPresent(outbox::flushInOrder);
        }
        return "processed";
    }
}
