package se.medborgardialog.cases.deadlines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseMailQueued;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineRescheduled;

/**
 * What sla-service's clocks mean for the case beyond its deadline view: a breached guarantee is recorded on the case
 * with its compensation (and a breached tjänstegaranti mailed to the citizen, by the mail feature), a moved deadline
 * goes into the case's history. Each once, however often the event is delivered.
 */
@Service
class DeadlineNotices {

    private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

    private final DeadlineTracking tracking;
    private final CaseStore cases;
    private final ApplicationEventPublisher inProcess;
    private final Clock clock;
    private final MeterRegistry meters;

    DeadlineNotices(DeadlineTracking tracking, CaseStore cases, ApplicationEventPublisher inProcess, Clock clock,
            MeterRegistry meters) {
        this.tracking = tracking;
        this.cases = cases;
        this.inProcess = inProcess;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The deadline view first (as for every clock), then the guarantee's breach on the case. A breach that names a
     * guarantee for a case not opened (yet) fails, so the binder retries and then dead-letters it: the citizen's
     * compensation must not silently go missing.
     */
    String breached(DeadlineBreached event) {
        String outcome = tracking.record(event.caseId(), event.clock(), null, event.dueAt(), DeadlineStatus.BREACHED);
        if (event.guarantee() == null) {
            return outcome;
        }
        CaseId caseId = event.caseId();
        Case aCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("Guarantee "
                + event.guarantee().id() + " breached for case " + caseId + ", which is not opened (yet)"));
        Instant now = clock.instant();
        Optional<Case.BreachRecorded> recorded = aCase.guaranteeBreached(DeadlineRecord.clockName(event.clock()),
                event.guarantee(), event.compensation(), event.dueAt(), event.detectedAt(), now);
        if (recorded.isEmpty() || !cases.recordGuaranteeBreach(caseId, recorded.get())) {
            log.info("Breach of guarantee {} on case {} was recorded before; nothing new", event.guarantee().id(),
                    caseId);
            return "duplicate";
        }
        Counter.builder("medborgardialog.guarantees.breached")
                .description("Breached guarantees recorded on cases, by guarantee type")
                .tag("type", String.valueOf(event.guarantee().type()).toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
        log.info("Case {} did not keep guarantee {} v{} ({}), compensation {}", caseId, event.guarantee().id(),
                event.guarantee().version(), event.guarantee().type(),
                recorded.get().breach().compensation() == null ? "none" : "recorded");
        if (recorded.get().mail() != null) {
            // stored with the breach; sent now by the mail feature, or later by its relay
            inProcess.publishEvent(new CaseMailQueued(caseId, recorded.get().mail().mailId()));
        }
        return "processed";
    }

    /** The moved deadline on the case's view, and a line in its history: "Tidsgränsen … flyttades till …: …". */
    String rescheduled(DeadlineRescheduled event) {
        Instant at = event.rescheduledAt() == null ? clock.instant() : event.rescheduledAt();
        String outcome = tracking.rescheduled(event.caseId(), event.clock(), at, event.dueDate(), event.dueAt());
        String clockName = event.guarantee() != null && event.guarantee().title() != null ? event.guarantee().title()
                : Swedish.clock(DeadlineRecord.clockName(event.clock()));
        String noticeId = "rescheduled:" + DeadlineRecord.clockName(event.clock()) + ":" + event.dueAt() + ":" + at;
        boolean added = cases.addHistoryOnce(event.caseId(), noticeId,
                Case.deadlineRescheduled(clockName, event.dueDate(), event.reason(), at));
        return added ? "processed" : outcome;
    }
}
