package se.medborgardialog.sla.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.sla.guarantee.CaseFacts;
import se.medborgardialog.sla.guarantee.CaseFactsStore;
import se.medborgardialog.sla.guarantee.Guarantee;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue;
import se.medborgardialog.sla.guarantee.Trigger;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Starts, pauses, resumes, moves (to another unit), stops and breaches deadline clocks. Which clocks a case gets is the
 * catalogue's answer ({@link GuaranteeCatalogue}): every active guarantee that covers the case and starts on what
 * happened; what stops, pauses and resumes a clock are the terms it started with. Each transition is written
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
    private final GuaranteeCatalogue catalogue;
    private final CaseFactsStore facts;
    private final List<ClockListener> listeners;
    private final PendingFirings firings;

    /**
     * @param listeners told of every deadline written here (the timer's due index)
     * @param firings   what the timer published and the documents do not show yet: folded in before a clock changes
     */
    DeadlineClocks(DeadlineStore store, DeadlineOutbox outbox, DeadlineMetrics metrics, SwedishCalendar calendar,
                   SlaProperties properties, Clock clock, GuaranteeCatalogue catalogue, CaseFactsStore facts,
                   List<ClockListener> listeners, PendingFirings firings) {
        this.firings = firings;
        this.listeners = List.copyOf(listeners);
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
        this.catalogue = catalogue;
        this.facts = facts;
    }

    /**
     * A case was opened: its facts are kept (for clocks later triggers start), and every active guarantee that covers it
     * and starts on {@code CASE_OPENED} starts its clock from the receipt. A backdated letter already past a deadline is
     * breached at once.
     */
    public void caseOpened(CaseOpened opened) {
        CaseFacts fresh = CaseFacts.of(opened);
        if (!facts.insertIfAbsent(fresh)) {
            // A redelivered CaseOpened: its clocks may be stored (or half of them), and the stored facts win.
            trigger(opened.caseId(), Trigger.CASE_OPENED, opened.receivedAt());
            return;
        }
        // The case is new to this service: no clock of it can exist (a clock is started only once its facts are
        // stored), so none is looked up, nor the facts read back (two round trips less on every new case).
        startAll(opened.caseId(), fresh, Trigger.CASE_OPENED, opened.receivedAt(), false);
    }

    /**
     * {@link #caseOpened} for consecutive {@code CaseOpened} of a poll, in a handful of store round trips whatever their
     * number: one unordered insert of the new cases' facts, one bulk of the cases' lists of clocks, one insert of the
     * clocks, one write of the due index; each clock's {@code DeadlineScheduled} then leaves without waiting, as
     * {@link #caseOpened}'s does. A case whose facts were stored before (a redelivery) goes one at a time through
     * {@link #caseOpened}'s path for it, after the others; one opened twice in the list is handled once.
     */
    public void openAll(List<CaseOpened> openings) {
        Map<String, CaseOpened> distinct = new LinkedHashMap<>();
        openings.forEach(opened -> distinct.putIfAbsent(opened.caseId().toString(), opened));
        Map<String, CaseFacts> fresh = new LinkedHashMap<>();
        distinct.forEach((caseId, opened) -> fresh.put(caseId, CaseFacts.of(opened)));
        Set<String> stored = facts.insertAllIfAbsent(List.copyOf(fresh.values()));
        List<Deadline> started = new ArrayList<>();
        Map<String, Guarantee> guaranteeOf = new HashMap<>();
        for (String caseId : stored) {
            CaseOpened opened = distinct.get(caseId);
            List<Guarantee> starting = catalogue.startingOn(Trigger.CASE_OPENED, fresh.get(caseId));
            if (starting.isEmpty()) {
                log.info("No clock of case {} concerns {}", caseId, Trigger.CASE_OPENED);
            }
            for (Guarantee guarantee : starting) {
                Deadline deadline = schedule(opened.caseId(), fresh.get(caseId).unit(), guarantee, opened.receivedAt());
                started.add(deadline);
                guaranteeOf.put(deadline.id(), guarantee);
            }
        }
        Set<String> inserted = store.insertAll(started);
        List<Deadline> written = started.stream().filter(deadline -> inserted.contains(deadline.id())).toList();
        written.forEach(deadline -> scheduled(deadline, guaranteeOf.get(deadline.id())));
        listeners.forEach(listener -> listener.scheduledAll(written));
        written.forEach(outbox::publishStarted);
        distinct.values().stream().filter(opened -> !stored.contains(opened.caseId().toString()))
                .forEach(opened -> trigger(opened.caseId(), Trigger.CASE_OPENED, opened.receivedAt()));
    }

    /** The case was answered at {@code at} (the event's own time): clocks that stop on it stop (met or late). */
    public void caseAnswered(CaseId caseId, Instant at) {
        trigger(caseId, Trigger.CASE_ANSWERED, at);
    }

    /** The case was closed at {@code at}, with or without an answer. */
    public void caseClosed(CaseId caseId, Instant at) {
        trigger(caseId, Trigger.CASE_CLOSED, at);
    }

    /** The case got a responsible officer at {@code at}: it is acknowledged. */
    public void caseAssigned(CaseId caseId, Instant at) {
        trigger(caseId, Trigger.CASE_ASSIGNED, at);
    }

    /** The officer asked the citizen for more information at {@code requestedAt}: clocks that pause on it pause. */
    public void caseWaitsForCitizen(CaseId caseId, Instant requestedAt) {
        trigger(caseId, Trigger.CITIZEN_INFO_REQUESTED, requestedAt);
    }

    /** The citizen's reply reached the case at {@code repliedAt}: paused clocks resume, due later. */
    public void citizenReplied(CaseId caseId, Instant repliedAt) {
        trigger(caseId, Trigger.CITIZEN_INFO_RECEIVED, repliedAt);
    }

    /** A step of an avvikelse's legal flow happened at {@code at}: the legal clocks it stops stop, those it starts start. */
    public void avvikelseStep(CaseId caseId, AvvikelseStep step, Boolean serious, Instant at) {
        List<Trigger> triggers = Trigger.of(step, serious);
        if (triggers.isEmpty()) {
            log.debug("Avvikelse step {} of case {} concerns no clock", step, caseId);
        }
        triggers.forEach(trigger -> trigger(caseId, trigger, at));
    }

    /** The party demanded a decision at {@code demandedAt} (Förvaltningslagen 12 §). */
    public void decisionDemanded(CaseId caseId, Instant demandedAt) {
        trigger(caseId, Trigger.DECISION_DEMANDED, demandedAt);
    }

    /** The case moved to {@code toUnit}'s queue at {@code forwardedAt}: its clocks keep running, in that unit. */
    public void caseForwarded(CaseId caseId, String toUnit, Instant forwardedAt) {
        facts.find(caseId.toString())
                .filter(known -> known.unitChangedAt() == null || forwardedAt.isAfter(known.unitChangedAt()))
                .ifPresent(known -> facts.save(known.forwardedTo(toUnit, forwardedAt)));
        everyClockOf(caseId, "forwarding", d -> d.forward(toUnit, forwardedAt));
    }

    /**
     * {@code trigger} happened to the case at {@code at} (the event's own time). First each of its clocks reacts as its
     * terms say (stop, pause, resume or nothing); then every active guarantee covering the case that starts on it
     * starts its clock from {@code at}. A clock of that name the case has already is not started again.
     */
    void trigger(CaseId caseId, Trigger trigger, Instant at) {
        List<Deadline> existing = store.findByCase(caseId.toString());
        existing.forEach(deadline -> transition(deadline.id(), d -> d.on(trigger, at, clock.instant(), calendar)));
        Optional<CaseFacts> known = facts.find(caseId.toString());
        if (known.isEmpty()) {
            log.info("Case {} is not known (no CaseOpened), {} starts no clock", caseId, trigger);
            return;
        }
        startAll(caseId, known.get(), trigger, at, !existing.isEmpty());
    }

    /** Every active guarantee covering the case that starts on {@code trigger} starts its clock from {@code at}. */
    private void startAll(CaseId caseId, CaseFacts known, Trigger trigger, Instant at, boolean hasClocks) {
        List<Guarantee> starting = catalogue.startingOn(trigger, known);
        for (Guarantee guarantee : starting) {
            start(caseId, known.unit(), guarantee, at);
        }
        if (!hasClocks && starting.isEmpty()) {
            log.info("No clock of case {} concerns {}", caseId, trigger);
        }
    }

    private void start(CaseId caseId, String unit, Guarantee guarantee, Instant at) {
        Deadline deadline = schedule(caseId, unit, guarantee, at);
        if (!store.insert(deadline)) {
            log.debug("Clock {} of case {} already scheduled, not started again", deadline.clock(), caseId);
            return;
        }
        scheduled(deadline, guarantee);
        notifyListeners(deadline);
        outbox.publishStarted(deadline);
    }

    private Deadline schedule(CaseId caseId, String unit, Guarantee guarantee, Instant at) {
        return Deadline.schedule(caseId, unit, guarantee.clock(), ClockTerms.of(guarantee), at, calendar, clock.instant());
    }

    /** A new clock is stored: logged and counted. */
    private void scheduled(Deadline deadline, Guarantee guarantee) {
        log.info("Scheduled clock {} of case {} by guarantee {} version {} due {} ({})", deadline.clock(),
                deadline.caseId(), guarantee.id(), guarantee.version(), deadline.dueAt(), deadline.status());
        recordNewEvents(null, deadline);
    }

    private void everyClockOf(CaseId caseId, String what, Function<Deadline, Optional<Deadline>> change) {
        List<Deadline> deadlines = store.findByCase(caseId.toString());
        if (deadlines.isEmpty()) {
            log.info("No deadline for case {}, {} ignored", caseId, what);
        }
        deadlines.forEach(deadline -> transition(deadline.id(), change));
    }

    /**
     * The municipality's calendar changed (fingerprinted {@code fingerprint}, {@code reason} in Swedish): every open
     * clock in working days is counted again on it (see {@link Deadline#recount}). Returns how many clocks moved.
     */
    public int calendarChanged(String fingerprint, String reason) {
        int moved = 0;
        for (String id : store.findOpenIds()) {
            if (transition(id, d -> d.recount(calendar, fingerprint, reason, clock.instant()))) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * Breaches every running clock whose deadline passed; returns how many were breached. A clock whose breach a timer
     * published and recorded, not yet folded into the document, is left to that fold.
     */
    public int breachOverdue() {
        Instant now = clock.instant();
        int breached = 0;
        for (Deadline overdue : store.findRunningDueBefore(now, properties.relay().batch())) {
            if (firings.breachRecorded(overdue)) {
                continue;
            }
            if (transition(overdue.id(), d -> d.fire(now))) {
                breached++;
            }
        }
        metrics.running(store.countRunning());
        return breached;
    }

    /** The case's clocks, with what the timer fired and the store does not show yet. */
    public List<Deadline> clocksOf(CaseId caseId) {
        Instant now = clock.instant();
        return store.findByCase(caseId.toString()).stream().map(d -> firings.view(d, now)).toList();
    }

    /**
     * Applies a transition, re-reading and retrying when another writer got there first. Under the firing lock, with
     * the clock's pending firings folded in first: a clock never changes between the publication of what the timer
     * fired and its record, and a change sees what was fired.
     */
    private boolean transition(String id, Function<Deadline, Optional<Deadline>> change) {
        firings.lock().lock();
        try {
            firings.foldNow(id);
            return transitionFolded(id, change);
        } finally {
            firings.lock().unlock();
        }
    }

    private boolean transitionFolded(String id, Function<Deadline, Optional<Deadline>> change) {
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
