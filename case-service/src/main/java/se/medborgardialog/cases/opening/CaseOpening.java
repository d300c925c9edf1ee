package se.medborgardialog.cases.opening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
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

/**
 * Opens a case from a submission: number it, route it, store it with its pending {@code CaseOpened} in one insert,
 * then publish. A submission seen before opens nothing and takes no number; it only pushes out an event a crash
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

    CaseOpening(CaseStore store, CaseOutbox outbox, CaseEventPublisher events, DiarienummerSeries diarienummer,
            RoutingProperties routing, DeadlineTracking deadlines, Clock clock, MeterRegistry meters) {
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
    public String open(SynpunktSubmitted submission) {
        CaseId caseId = new CaseId(submission.submissionId().value());
        Optional<Case> existing = store.find(caseId);
        if (existing.isPresent()) {
            log.info("Submission {} already opened as case {}; nothing new", caseId, existing.get().diarienummer());
            outbox.flushInOrder(existing.get());
            return "duplicate";
        }
        Instant now = clock.instant();
        Diarienummer number = diarienummer.next(now);
        String unit = routing.unitFor(submission.category());
        Case aCase = Case.open(submission, number, unit, now);
        PendingEvent caseOpened = events.pending(caseId, EventTypes.CASE_OPENED, aCase.opened(), now);
        if (!store.insertOpened(aCase, caseOpened)) {
            // another instance won the race for the same submission; our number stays unused (a gap)
            log.warn("Case {} was opened concurrently elsewhere; diarienummer {} left unused", caseId, number);
            return "duplicate";
        }
        Counter.builder("medborgardialog.cases.opened")
                .description("Cases opened from submissions")
                .tag("unit", unit)
                .register(meters)
                .increment();
        log.info("Opened case {} as {} in unit {}", caseId, number, unit);
        deadlines.applyKnown(caseId);
        outbox.flush(caseId, caseOpened);
        return "processed";
    }
}
