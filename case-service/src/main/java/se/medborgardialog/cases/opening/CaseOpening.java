package se.medborgardialog.cases.opening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        return openAll(List.of(plain(submission))).get(0);
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
        return openAll(List.of(plain(report))).get(0);
    }

    /** An avvikelse opens a case in the unit it happened in, with the affected person encrypted. */
    public String open(AvvikelseReported sealed) {
        return openAll(List.of(plain(seal.unseal(sealed)))).get(0);
    }

    /** An e-förslag sent to a nämnd opens a case in that nämnd (routed by category when none is named). */
    public String open(EforslagSentToNamnd proposal) {
        return openAll(List.of(plain(proposal))).get(0);
    }

    /**
     * A submission that opens a case of its own and does nothing else (no complaint about another case, no report of
     * a known fault): such openings are numbered, stored and announced together, see {@link #openAll}.
     */
    public record PlainOpening(CaseId caseId, String unit, Opener opener) {
    }

    /**
     * The plain opening of a submission as read from its record, still sealed; null when it is not one (a
     * complaint about another case, a duplicate felanmälan, or not a submission that opens a case).
     */
    public PlainOpening plainOpening(Object submission) {
        if (submission instanceof SynpunktSubmitted synpunkt) {
            return synpunkt.concerns() == null ? plain(seal.unseal(synpunkt)) : null;
        }
        if (submission instanceof FelanmalanSubmitted felanmalan) {
            return felanmalan.duplicateOf() == null ? plain(seal.unseal(felanmalan)) : null;
        }
        if (submission instanceof AvvikelseReported avvikelse) {
            return plain(seal.unseal(avvikelse));
        }
        if (submission instanceof EforslagSentToNamnd proposal) {
            return plain(proposal);
        }
        return null;
    }

    private PlainOpening plain(SynpunktSubmitted submission) {
        String unit = routing.unitFor(submission.category());
        return new PlainOpening(new CaseId(submission.submissionId().value()), unit,
                (number, now) -> Case.open(submission, number, unit, now));
    }

    private PlainOpening plain(FelanmalanSubmitted report) {
        String unit = routing.unitFor(report.category());
        return new PlainOpening(new CaseId(report.submissionId().value()), unit,
                (number, now) -> Case.open(report, number, unit, now));
    }

    private PlainOpening plain(AvvikelseReported report) {
        return new PlainOpening(new CaseId(report.submissionId().value()), report.unit(),
                (number, now) -> Case.open(report, encrypt(report.affectedPerson()), number, now));
    }

    private PlainOpening plain(EforslagSentToNamnd proposal) {
        String unit = proposal.namnd() == null || proposal.namnd().isBlank()
                ? routing.unitFor(proposal.category()) : proposal.namnd();
        return new PlainOpening(new CaseId(proposal.proposalId().value()), unit,
                (number, now) -> Case.open(proposal, number, unit, now));
    }

    /**
     * Opens plain openings together, in a handful of store round trips whatever their number: one read of which exist
     * already ({@code _id $in}), one run of diarienummer ({@code $inc} by their count), one unordered insert of the
     * cases with their pending {@code CaseOpened}, one read of deadlines that came first; then each {@code CaseOpened}
     * is sent without waiting. A submission seen before (already stored, or earlier in the same list) opens nothing
     * and takes no number.
     *
     * @return each opening's outcome, in order: {@code processed} or {@code duplicate}
     */
    public List<String> openAll(List<PlainOpening> openings) {
        // asked before the read: a redelivery right after the first delivery leaves that one's CaseOpened to it
        Set<CaseId> underway = new HashSet<>();
        for (PlainOpening opening : openings) {
            if (outbox.isUnderway(events.eventId(opening.caseId(), EventTypes.CASE_OPENED, null))) {
                underway.add(opening.caseId());
            }
        }
        Set<CaseId> ids = new LinkedHashSet<>();
        openings.forEach(opening -> ids.add(opening.caseId()));
        Set<CaseId> existing = new HashSet<>();
        for (Case stored : store.pendingOf(ids)) {
            existing.add(stored.caseId());
            log.info("Submission {} already opened as a case; nothing new", stored.caseId());
            if (!underway.contains(stored.caseId())) {
                outbox.flushInOrder(stored);
            }
        }
        Map<CaseId, PlainOpening> fresh = new LinkedHashMap<>();
        openings.stream().filter(opening -> !existing.contains(opening.caseId()))
                .forEach(opening -> fresh.putIfAbsent(opening.caseId(), opening));
        Set<CaseId> opened = insertAll(fresh.values());
        List<String> outcomes = new ArrayList<>(openings.size());
        Set<CaseId> counted = new HashSet<>();
        for (PlainOpening opening : openings) {
            outcomes.add(opened.contains(opening.caseId()) && counted.add(opening.caseId()) ? "processed" : "duplicate");
        }
        return outcomes;
    }

    /** @return the ids of the cases this call opened (not those another instance opened first) */
    private Set<CaseId> insertAll(Collection<PlainOpening> openings) {
        if (openings.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        Iterator<Diarienummer> numbers = diarienummer.next(now, openings.size()).iterator();
        List<CaseStore.NewCase> cases = new ArrayList<>(openings.size());
        for (PlainOpening opening : openings) {
            Case aCase = opening.opener().open(numbers.next(), now);
            cases.add(new CaseStore.NewCase(aCase, events.pending(opening.caseId(), EventTypes.CASE_OPENED,
                    aCase.opened(), now)));
        }
        Set<CaseId> openedElsewhere = store.insertAllOpened(cases);
        Set<CaseId> opened = new LinkedHashSet<>();
        for (CaseStore.NewCase newCase : cases) {
            Case aCase = newCase.aCase();
            if (openedElsewhere.contains(aCase.caseId())) {
                log.warn("Case {} was opened concurrently elsewhere; diarienummer {} left unused", aCase.caseId(),
                        aCase.diarienummer());
                continue;
            }
            opened.add(aCase.caseId());
            Counter.builder("medborgardialog.cases.opened")
                    .description("Cases opened from submissions")
                    .tag("unit", aCase.unit())
                    .register(meters)
                    .increment();
            log.info("Opened {} case {} as {} in unit {}", aCase.caseType(), aCase.caseId(), aCase.diarienummer(),
                    aCase.unit());
        }
        deadlines.applyKnown(opened);
        for (CaseStore.NewCase newCase : cases) {
            if (opened.contains(newCase.aCase().caseId())) {
                outbox.flushAsync(newCase.aCase().caseId(), newCase.opened());
            }
        }
        return opened;
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

    /** Makes the case once it has its number. */
    public interface Opener {
        Case open(Diarienummer number, Instant now);
    }

    /** What a case's opening announces after {@code CaseOpened}, in order. */
    private interface AlsoAnnounced {
        List<PendingEvent> events(Case opened, Instant now);
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
