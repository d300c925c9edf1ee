package se.medborgardialog.sla.watch;

import java.time.Instant;
import java.util.Optional;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.DeadlineWarning;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event of the deadlines topic, whatever its type, as the watch, the live page and the alerts read it.
 *
 * @param eventId    the CloudEvent id ({@code ce_id}): deterministic, so a republished event is the same change
 * @param type       the event type ({@code ce_type})
 * @param at         when it happened, by the event's own time
 * @param guarantee  the guarantee and version the clock keeps; null in events from before the catalogue, when the
 *                   clock's name stands in for it ({@link #guaranteeKey()})
 * @param dueAt      the due time the event states; null when it states none
 * @param state      the clock's state after it; null when the event leaves the state as it was (rescheduled)
 * @param point      the warning point reached, for a warning
 * @param compensation what the citizen is owed, for a breach of a guarantee with a compensation
 */
public record ClockChange(String eventId, String type, Instant at, CaseId caseId, String clock, String unit,
        GuaranteeRef guarantee, Instant dueAt, WatchState state, String point, String compensation) {

    /** The id of the clock: a case has one document per clock. */
    public String clockId() {
        return clockId(caseId, clock);
    }

    public static String clockId(CaseId caseId, String clock) {
        return caseId + ":" + clock;
    }

    /** The guarantee's id, or the clock's name for a clock without one. */
    public String guaranteeKey() {
        return guarantee == null ? clock : guarantee.id();
    }

    /** The guarantee's title, or the clock's name for a clock without one. */
    public String guaranteeTitle() {
        return guarantee == null || guarantee.title() == null ? clock : guarantee.title();
    }

    /**
     * Reads a deadline event; empty for a type that is no clock change of the deadlines topic.
     *
     * @param time the CloudEvent's {@code ce_time}, or null: the event's own timestamp counts then
     * @throws IllegalArgumentException for an event without its case, clock or unit
     */
    public static Optional<ClockChange> read(String eventId, String type, Instant time, byte[] payload,
            JsonMapper json) {
        if (type == null) {
            return Optional.empty();
        }
        ClockChange change = switch (type) {
            case EventTypes.DEADLINE_SCHEDULED -> {
                DeadlineScheduled e = json.readValue(payload, DeadlineScheduled.class);
                yield new ClockChange(eventId, type, or(time, e.receivedAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.RUNNING, null, null);
            }
            case EventTypes.DEADLINE_WARNING -> {
                DeadlineWarning e = json.readValue(payload, DeadlineWarning.class);
                yield new ClockChange(eventId, type, or(time, e.warnedAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.AT_RISK, e.point(), null);
            }
            case EventTypes.DEADLINE_BREACHED -> {
                DeadlineBreached e = json.readValue(payload, DeadlineBreached.class);
                yield new ClockChange(eventId, type, or(time, e.detectedAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.BREACHED, null, e.compensation());
            }
            case EventTypes.DEADLINE_MET -> {
                DeadlineMet e = json.readValue(payload, DeadlineMet.class);
                yield new ClockChange(eventId, type, or(time, e.answeredAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.MET, null, null);
            }
            case EventTypes.DEADLINE_PAUSED -> {
                DeadlinePaused e = json.readValue(payload, DeadlinePaused.class);
                yield new ClockChange(eventId, type, or(time, e.pausedAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.PAUSED, null, null);
            }
            case EventTypes.DEADLINE_RESUMED -> {
                DeadlineResumed e = json.readValue(payload, DeadlineResumed.class);
                yield new ClockChange(eventId, type, or(time, e.resumedAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), WatchState.RUNNING, null, null);
            }
            case EventTypes.DEADLINE_RESCHEDULED -> {
                DeadlineRescheduled e = json.readValue(payload, DeadlineRescheduled.class);
                yield new ClockChange(eventId, type, or(time, e.rescheduledAt()), e.caseId(), e.clock(), e.unit(),
                        e.guarantee(), e.dueAt(), null, null, null);
            }
            default -> null;
        };
        if (change == null) {
            return Optional.empty();
        }
        if (change.caseId() == null || change.clock() == null || change.unit() == null || change.at() == null) {
            throw new IllegalArgumentException("A " + type + " event lacks its case, clock, unit or time");
        }
        return Optional.of(change);
    }

    private static Instant or(Instant time, Instant own) {
        return time != null ? time : own;
    }
}
