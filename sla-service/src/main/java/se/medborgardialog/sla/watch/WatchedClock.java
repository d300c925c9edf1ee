package se.medborgardialog.sla.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.GuaranteeType;

/**
 * The watch's read model: one document per case and clock, built from the deadlines topic alone (no personal data:
 * sla-service has none). Changed only through {@link #apply}, which refuses what it has seen or what is older.
 *
 * @param id               {@code <case id>:<clock>}
 * @param guaranteeKey     the guarantee's id, or the clock's name for a clock without a guarantee
 * @param lastWarningPoint the last warning point reached ({@code 80%}, {@code PT2H})
 * @param endedAt          when the clock ended: met, or breached
 * @param caseEndedAt      for a breached clock: when the case was answered or closed after all (it leaves the list)
 * @param lastEventAt      the time of the newest event applied; an older one changes nothing
 * @param appliedEventIds  the ids of the events applied (the last {@value #REMEMBERED} of them)
 */
@Document("watched_clocks")
public record WatchedClock(@Id String id, String caseId, String clock, String unit, String guaranteeKey,
        String guaranteeId, Integer guaranteeVersion, String guaranteeTitle, GuaranteeType guaranteeType,
        Instant dueAt, WatchState state, String lastWarningPoint, Instant startedAt, Instant warnedAt,
        Instant pausedAt, Instant endedAt, Instant caseEndedAt, String compensation, Instant lastEventAt,
        List<String> appliedEventIds, @Version Long version) {

    static final int REMEMBERED = 64;

    /** Still on the managers' lists: at risk, or breached and not yet answered. */
    public boolean watched() {
        return state == WatchState.AT_RISK || (state == WatchState.BREACHED && caseEndedAt == null);
    }

    static WatchedClock first(ClockChange change) {
        return new WatchedClock(change.clockId(), change.caseId().toString(), change.clock(), change.unit(), null,
                null, null, null, null, null, null, null, change.at(), null, null, null, null, null, null,
                List.of(), null).apply(change).orElseThrow();
    }

    /**
     * This clock after the change; empty when the change is one already applied, older than the newest one applied,
     * or one the clock's state does not allow (a warning after the breach, anything after it was met).
     */
    java.util.Optional<WatchedClock> apply(ClockChange change) {
        if (appliedEventIds.contains(change.eventId())
                || (lastEventAt != null && change.at().isBefore(lastEventAt))) {
            return java.util.Optional.empty();
        }
        WatchState next = next(change);
        if (next == null) {
            return java.util.Optional.empty();
        }
        Instant due = change.dueAt() != null ? change.dueAt() : dueAt;
        String key = change.guarantee() != null || guaranteeKey == null ? change.guaranteeKey() : guaranteeKey;
        var guarantee = change.guarantee();
        List<String> applied = new ArrayList<>(appliedEventIds);
        applied.add(change.eventId());
        if (applied.size() > REMEMBERED) {
            applied = new ArrayList<>(applied.subList(applied.size() - REMEMBERED, applied.size()));
        }
        return java.util.Optional.of(new WatchedClock(id, caseId, clock, change.unit(), key,
                guarantee != null ? guarantee.id() : guaranteeId,
                guarantee != null ? Integer.valueOf(guarantee.version()) : guaranteeVersion,
                guarantee != null ? guarantee.title() : guaranteeTitle,
                guarantee != null ? guarantee.type() : guaranteeType,
                due, next,
                next == WatchState.AT_RISK ? change.point() : lastWarningPoint,
                startedAt,
                next == WatchState.AT_RISK ? change.at() : warnedAt,
                next == WatchState.PAUSED ? change.at() : pausedAt,
                next == WatchState.MET || next == WatchState.BREACHED ? change.at() : endedAt,
                caseEndedAt,
                change.compensation() != null ? change.compensation() : compensation,
                change.at(), List.copyOf(applied), version));
    }

    /** The state after the change, or null when the change does not apply to this state. */
    private WatchState next(ClockChange change) {
        WatchState current = state;
        if (current == null) {
            return change.state() != null ? change.state() : WatchState.RUNNING;
        }
        if (current == WatchState.MET) {
            return null;
        }
        if (change.state() == null) {
            // rescheduled: the due time moves, the state stays (a breached clock stays breached)
            return current == WatchState.BREACHED ? null : current;
        }
        return switch (change.state()) {
            case MET, BREACHED -> change.state();
            case AT_RISK -> current == WatchState.RUNNING || current == WatchState.AT_RISK ? WatchState.AT_RISK : null;
            case PAUSED -> current.open() ? WatchState.PAUSED : null;
            case RUNNING -> current == WatchState.BREACHED ? null
                    // scheduled again (a redelivery under a new id) keeps a warning; a resume restarts the count
                    : current == WatchState.AT_RISK && change.type().endsWith("scheduled.v1") ? WatchState.AT_RISK
                    : WatchState.RUNNING;
        };
    }

    /** The case was answered or closed: a breached clock leaves the managers' list of open breaches. */
    WatchedClock caseEnded(Instant at) {
        return new WatchedClock(id, caseId, clock, unit, guaranteeKey, guaranteeId, guaranteeVersion, guaranteeTitle,
                guaranteeType, dueAt, state, lastWarningPoint, startedAt, warnedAt, pausedAt, endedAt, at,
                compensation, lastEventAt, appliedEventIds, version);
    }
}
