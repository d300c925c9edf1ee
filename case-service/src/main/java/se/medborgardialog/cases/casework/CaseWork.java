package se.medborgardialog.cases.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.EventTypes;

/** Officers' commands on a case: load, guarded transition, one conditional write with the event, publish. */
@Service
public class CaseWork {

    private static final Logger log = LoggerFactory.getLogger(CaseWork.class);

    private final CaseStore store;
    private final CaseOutbox outbox;
    private final CaseEventPublisher events;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    CaseWork(CaseStore store, CaseOutbox outbox, CaseEventPublisher events, Clock clock,
            ApplicationEventPublisher inProcess) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.inProcess = inProcess;
    }

    /** The outcome of a command: the case as written, and whether Kafka already has the event. */
    public record Done(Case aCase, boolean published) {
    }

    /**
     * A case the caller may not see (another unit's; an avvikelse without the law's role, {@link CaseAccess}) is
     * reported as missing, so its existence does not leak.
     */
    public Case caseFor(CaseId caseId, Set<String> callerUnits) {
        return store.find(caseId)
                .filter(aCase -> CaseAccess.maySee(callerUnits, aCase))
                .orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
    }

    public Done answer(CaseId caseId, String text, String officer, Set<String> officerUnits) {
        Case aCase = caseFor(caseId, officerUnits);
        Instant now = clock.instant();
        CaseAnswered answered = aCase.answer(text, officer, now);
        PendingEvent event = events.pending(caseId, EventTypes.CASE_ANSWERED, answered, now);
        store.commitAnswer(aCase, event);
        Done done = published(aCase);
        if (aCase.answerMail() != null) {
            // stored with the answer; sent now by the mail feature, or later by its relay
            inProcess.publishEvent(new AnswerMailQueued(caseId, aCase.answerMail().mailId()));
        }
        return done;
    }

    public Done close(CaseId caseId, CaseOutcome outcome, String officer, Set<String> officerUnits) {
        Case aCase = caseFor(caseId, officerUnits);
        Instant now = clock.instant();
        CaseClosed closed = aCase.close(outcome, officer, now);
        return commitAndPublish(aCase, events.pending(caseId, EventTypes.CASE_CLOSED, closed, now));
    }

    private Done commitAndPublish(Case aCase, PendingEvent event) {
        store.commit(aCase, event);
        return published(aCase);
    }

    private Done published(Case aCase) {
        log.info("Case {} is now {}", aCase.caseId(), aCase.status());
        Case written = store.find(aCase.caseId()).orElse(aCase);
        // earlier events still pending (a broker outage) go first, so consumers see the case's events in order
        boolean published = outbox.flushInOrder(written);
        return new Done(written, published);
    }
}
