package se.medborgardialog.contracts;

/**
 * CloudEvents {@code type} attributes: a stable logical name with its version, never a Java class name.
 * A consumer dispatches on this value (the {@code ce_type} Kafka header).
 */
public final class EventTypes {

    public static final String SYNPUNKT_SUBMITTED = "se.medborgardialog.synpunkt.submitted.v1";
    public static final String CASE_OPENED = "se.medborgardialog.case.opened.v1";
    public static final String CASE_ANSWERED = "se.medborgardialog.case.answered.v1";
    public static final String CASE_CLOSED = "se.medborgardialog.case.closed.v1";
    public static final String DEADLINE_SCHEDULED = "se.medborgardialog.deadline.scheduled.v1";
    public static final String DEADLINE_MET = "se.medborgardialog.deadline.met.v1";
    public static final String DEADLINE_BREACHED = "se.medborgardialog.deadline.breached.v1";

    /** CloudEvents {@code source} attributes, one per producing service. */
    public static final String SOURCE_INTAKE = "/medborgardialog/intake-service";
    public static final String SOURCE_CASES = "/medborgardialog/case-service";
    public static final String SOURCE_SLA = "/medborgardialog/sla-service";

    private EventTypes() {
    }
}
