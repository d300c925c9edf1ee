package se.medborgardialog.sla.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Starts, stops and breaches deadline clocks. Each transition is written with its pending event in one
 * document write, then published; a duplicated or replayed event finds nothing to do.
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

    DeadlineClocks(DeadlineStore store, DeadlineOutbox outbox, DeadlineMetrics metrics, SwedishCalendar calendar,
                          SlaProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts the first-answer clock of a newly opened case. */
    public void caseOpened(CaseOpened opened) {
        int workingDays = properties.firstAnswer().workingDays();
        Deadline deadline = Deadline.schedule(opened.caseId(), opened.unit(), Deadline.FIRST_ANSWER, workingDays,
                opened.receivedAt(), calendar.deadline(opened.receivedAt(), workingDays), clock.instant());
        if (!store.insert(deadline)) {
            log.debug("Clock {} of case {} already scheduled, duplicate CaseOpened ignored", deadline.clock(), opened.caseId());
            return;
        }
        log.info("Scheduled clock {} of case {} due {} ({})", deadline.clock(), opened.caseId(), deadline.dueDate(), deadline.status());
        recordNewEvents(null, deadline);
        outbox.publishPending(deadline);
    }

    /** The case was answered or closed at {@code at} (the event's own time): every running clock stops. */
    public void caseStopped(CaseId caseId, Instant at) {
        boolean found = false;
        for (Deadline deadline : store.findByCase(caseId.toString())) {
            found = true;
            transition(deadline.id(), d -> d.stop(at, clock.instant()));
        }
        if (!found) {
            log.info("No deadline for case {}, answer or closing ignored", caseId);
        }
    }

    /** Breaches every running clock whose deadline passed; returns how many were breached. */
    public int breachOverdue() {
        Instant now = clock.instant();
        int breached = 0;
        for (Deadline overdue : store.findRunningDueBefore(now, properties.relay().batch())) {
            if (transition(overdue.id(), d -> d.isOverdueAt(now) ? d.breach(now) : Optional.empty())) {
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
                return false;
            }
            if (store.replace(current.get(), next.get())) {
                log.info("Clock {} of case {}: {} -> {}", next.get().clock(), next.get().caseId(),
                        current.get().status(), next.get().status());
                recordNewEvents(current.get(), next.get());
                outbox.publishPending(next.get());
                return true;
            }
        }
        throw new OptimisticLockingFailureException("Deadline " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private void recordNewEvents(Deadline before, Deadline after) {
        Set<String> known = before == null ? Set.of()
                : before.pendingEvents().stream().map(PendingEvent::eventId).collect(Collectors.toSet());
        after.pendingEvents().stream()
                .filter(e -> !known.contains(e.eventId()))
                .forEach(e -> metrics.recorded(after, e.kind()));
    }
}
