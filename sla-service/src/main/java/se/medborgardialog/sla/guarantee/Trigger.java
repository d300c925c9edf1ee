package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Set;
import se.medborgardialog.contracts.AvvikelseStep;

/**
 * What can start, pause, resume or stop a guarantee's clock: a case event, or a step of an avvikelse's legal flow
 * ({@code AvvikelseStepRecorded}; a decision that the missförhållande is serious is both {@link #DECIDED} and
 * {@link #DECIDED_SERIOUS}), or the party's demand for a decision (Förvaltningslagen 12 §).
 */
public enum Trigger {
    CASE_OPENED,
    /** The case got a responsible officer: it is acknowledged. */
    CASE_ASSIGNED,
    CASE_ANSWERED,
    CASE_CLOSED,
    CITIZEN_INFO_REQUESTED,
    CITIZEN_INFO_RECEIVED,
    REPORTED_TO_REKTOR,
    REPORTED_TO_HUVUDMAN,
    INVESTIGATION_STARTED,
    DECIDED,
    DECIDED_SERIOUS,
    IVO_REPORTED,
    INVESTIGATION_COMPLETED,
    DECISION_DEMANDED;

    /** Today's behaviour, the default of a guarantee that names none. */
    public static final Set<Trigger> DEFAULT_START = Set.of(CASE_OPENED);
    public static final Set<Trigger> DEFAULT_STOP = Set.of(CASE_ANSWERED, CASE_CLOSED);
    public static final Set<Trigger> DEFAULT_PAUSE = Set.of(CITIZEN_INFO_REQUESTED);
    public static final Set<Trigger> DEFAULT_RESUME = Set.of(CITIZEN_INFO_RECEIVED);

    /** The triggers a recorded avvikelse step fires, in order; none for a step no clock waits for. */
    public static List<Trigger> of(AvvikelseStep step, Boolean serious) {
        return switch (step) {
            case REPORTED_TO_REKTOR -> List.of(REPORTED_TO_REKTOR);
            case REPORTED_TO_HUVUDMAN -> List.of(REPORTED_TO_HUVUDMAN);
            case INVESTIGATION_STARTED -> List.of(INVESTIGATION_STARTED);
            case DECIDED -> Boolean.TRUE.equals(serious) ? List.of(DECIDED, DECIDED_SERIOUS) : List.of(DECIDED);
            case IVO_REPORTED -> List.of(IVO_REPORTED);
            case INVESTIGATION_COMPLETED -> List.of(INVESTIGATION_COMPLETED);
            case RISK_ASSESSED -> List.of();
        };
    }
}
