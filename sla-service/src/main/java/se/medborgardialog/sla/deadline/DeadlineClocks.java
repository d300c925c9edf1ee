package se.medborgardialog.sla.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Starts, pauses, resumes, moves (to another unit), stops and breaches deadline clocks. Each transition is written
 * with its pending event in one document write, then published; a duplicated or replayed event finds nothing to do.
 */
@Service
public class DeadlineClocks {

    private static final Logger log = LoggerFactory.getLogger(DeadlineClocks.class);
    private static final int MAX_ATTEMPTS = 5;

    private final DeadlineStore store;
    private final DeadlineOutbox outbox;
    private final DeadlineMetrics metrics;
    private final SwedishCalendar calendar;
    private final SlaProperties properties;
    private final Clock clock;
    private final List<ClockListener> listeners;

    DeadlineClocks(DeadlineStore store, DeadlineOutbox outbox, DeadlineMetrics metrics, SwedishCalendar calendar,
                          SlaProperties properties, Clock clock) {
        this(store, outbox, metrics, calendar, properties, clock, List.of());
    }

    /** @param listeners told of every deadline written here (the timer's due index) */
    @Autowired
    DeadlineClocks(DeadlineStore store, DeadlineOutbox outbox, DeadlineMetrics metrics, SwedishCalendar calendar,
                   SlaProperties properties, Clock clock, List<ClockListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A promise: a clock counted in working days, or (workingDays 0) a calendar period ending at the end of the
     * Stockholm day of receipt plus the period.
     */
    record Promise(String clock, int workingDays, Period period) {

        static Promise workingDays(String clock, int workingDays) {
            return new Promise(clock, workingDays, null);
        }

        static Promise calendar(String clock, Period period) {
            return new Promise(clock, 0, period);
        }
    }

    /** Which clock a newly opened case gets, by case type (a case without one is a synpunkt) and legal flow. */
    Promise promiseFor(CaseOpened opened) {
        CaseType type = opened.caseType() == null ? CaseType.SYNPUNKT : opened.caseType();
        return switch (type) {
            case SYNPUNKT -> Promise.workingDays(Deadline.FIRST_ANSWER, properties.firstAnswer().workingDays());
            case FELANMALAN -> Promise.workingDays(Deadline.FIRST_ANSWER, properties.felanmalan().workingDays());
            case E_FORSLAG -> Promise.calendar("namnd-answer", properties.eforslag().period());
            case AVVIKELSE -> avvikelse(opened.legalFlow());
        };
    }

    private Promise avvikelse(LegalFlow flow) {
        SlaProperties.Avvikelse rules = properties.avvikelse();
        if (flow == null) {
            throw new IllegalArgumentException("An avvikelse case needs a legal flow");
        }
        return switch (flow) {
            case LEX_SARAH -> Promise.workingDays("lex-sarah-utredning", rules.lexSarahWorkingDays());
            case LEX_MARIA -> Promise.calendar("lex-maria-ivo", rules.lexMariaPeriod());
            case KRANKANDE_BEHANDLING -> Promise.workingDays("huvudman-anmalan", rules.krankandeBehandlingWorkingDays());
            case SKOLKLAGOMAL -> Promise.workingDays("skolklagomal-utredning", rules.skolklagomalWorkingDays());
        };
    }

    private SwedishCalendar.Deadline due(Promise promise, Instant receivedAt) {
        if (promise.period() == null) {
            return calendar.deadline(receivedAt, promise.workingDays());
        }
        LocalDate dueDate = receivedAt.atZone(SwedishCalendar.STOCKHOLM).toLocalDate().plus(promise.period());
        return new SwedishCalendar.Deadline(dueDate, dueDate.atTime(LocalTime.MAX).atZone(SwedishCalendar.STOCKHOLM));
    }

    /** Starts the clock of a newly opened case: which one, and how long, depends on its case type. */
    public void caseOpened(CaseOpened opened) {
        Promise promise = promiseFor(opened);
        Deadline deadline = Deadline.schedule(opened.caseId(), opened.unit(), promise.clock(), promise.workingDays(),
                opened.receivedAt(), due(promise, opened.receivedAt()), clock.instant());
        if (!store.insert(deadline)) {
            log.debug("Clock {} of case {} already scheduled, duplicate CaseOpened ignored", deadline.clock(), opened.caseId());
            return;
        }
        log.info("Scheduled clock {} of case {} due {} ({})", deadline.clock(), opened.caseId(), deadline.dueDate(), deadline.status());
        recordNewEvents(null, deadline);
        notifyListeners(deadline);
        outbox.publishPending(deadline);
    }

    /** The case was answered or closed at {@code at} (the event's own time): every running or paused clock stops. */
    public void caseStopped(CaseId caseId, Instant at) {
        everyClockOf(caseId, "answer or closing", d -> d.stop(at, clock.instant()));
    }

    /** The officer asked the citizen for more information at {@code requestedAt}: every running clock pauses. */
    public void caseWaitsForCitizen(CaseId caseId, Instant requestedAt) {
        everyClockOf(caseId, "request to the citizen", d -> d.pause(requestedAt, clock.instant()));
    }

    /** The citizen's reply reached the case at {@code repliedAt}: every paused clock resumes, due later. */
    public void citizenReplied(CaseId caseId, Instant repliedAt) {
        everyClockOf(caseId, "citizen's reply", d -> d.resume(repliedAt, clock.instant(), calendar));
    }

    /** The case moved to {@code toUnit}'s queue at {@code forwardedAt}: its clocks keep running, in that unit. */
    public void caseForwarded(CaseId caseId, String toUnit, Instant forwardedAt) {
        everyClockOf(caseId, "forwarding", d -> d.forward(toUnit, forwardedAt));
    }

    private void everyClockOf(CaseId caseId, String what, Function<Deadline, Optional<Deadline>> change) {
        List<Deadline> deadlines = store.findByCase(caseId.toString());
        if (deadlines.isEmpty()) {
            log.info("No deadline for case {}, {} ignored", caseId, what);
        }
        deadlines.forEach(deadline -> transition(deadline.id(), change));
    }

    /**
     * Fires one clock now ({@link Deadline#fire}): what the timer does for a clock whose batched write met a
     * concurrent change. Returns whether anything changed.
     */
    public boolean fire(String id) {
        Instant now = clock.instant();
        return transition(id, d -> d.fire(now));
    }

    /** Breaches every running clock whose deadline passed; returns how many were breached. */
    public int breachOverdue() {
        Instant now = clock.instant();
        int breached = 0;
        for (Deadline overdue : store.findRunningDueBefore(now, properties.relay().batch())) {
            if (transition(overdue.id(), d -> d.fire(now))) {
                breached++;
            }
        }
        metrics.running(store.countRunning());
        return breached;
    }

    public List<Deadline> clocksOf(CaseId caseId) {
        return store.findByCase(caseId.toString());
    }

    /** Applies a transition, re-reading and retrying when another writer got there first. */
    private boolean transition(String id, Function<Deadline, Optional<Deadline>> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Deadline> current = store.find(id);
            if (current.isEmpty()) {
                return false;
            }
            Optional<Deadline> next = current.flatMap(change);
            if (next.isEmpty()) {
                log.debug("Deadline {} is {}, nothing to do", id, current.get().status());
                notifyListeners(current.get());
                return false;
            }
            if (store.replace(current.get(), next.get())) {
                log.info("Clock {} of case {}: {} -> {}, due {}, unit {}", next.get().clock(), next.get().caseId(),
                        current.get().status(), next.get().status(), next.get().dueDate(), next.get().unit());
                recordNewEvents(current.get(), next.get());
                notifyListeners(next.get());
                outbox.publishPending(next.get());
                return true;
            }
        }
        throw new OptimisticLockingFailureException("Deadline " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private void notifyListeners(Deadline deadline) {
        listeners.forEach(listener -> listener.scheduled(deadline));
    }

    private void recordNewEvents(Deadline before, Deadline after) {
        Set<String> known = before == null ? Set.of()
                : before.pendingEvents().stream().map(PendingEvent::eventId).collect(Collectors.toSet());
        after.pendingEvents().stream()
                .filter(e -> !known.contains(e.eventId()))
                .forEach(e -> metrics.recorded(after, e.kind()));
    }
}
