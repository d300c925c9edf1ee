package se.medborgardialog.contracts;

/**
 * CloudEvents {@code type} attributes: a stable logical name with its version, never a Java class name.
 * A consumer dispatches on this value (the {@code ce_type} Kafka header).
 */
public final class EventTypes {

    public static final String SYNPUNKT_SUBMITTED = "se.medborgardialog.synpunkt.submitted.v1";
    public static final String FELANMALAN_SUBMITTED = "se.medborgardialog.felanmalan.submitted.v1";
    public static final String EFORSLAG_SUBMITTED = "se.medborgardialog.eforslag.submitted.v1";
    public static final String EFORSLAG_PUBLISHED = "se.medborgardialog.eforslag.published.v1";
    public static final String EFORSLAG_REJECTED = "se.medborgardialog.eforslag.rejected.v1";
    public static final String EFORSLAG_EXPIRED = "se.medborgardialog.eforslag.expired.v1";
    public static final String EFORSLAG_SENT_TO_NAMND = "se.medborgardialog.eforslag.sent-to-namnd.v1";
    public static final String AVVIKELSE_REPORTED = "se.medborgardialog.avvikelse.reported.v1";
    public static final String CASE_OPENED = "se.medborgardialog.case.opened.v1";
    public static final String CASE_ANSWERED = "se.medborgardialog.case.answered.v1";
    public static final String CASE_CLOSED = "se.medborgardialog.case.closed.v1";
    public static final String DUPLICATE_REPORT_LINKED = "se.medborgardialog.case.duplicate-linked.v1";
    public static final String CASE_ASSIGNED = "se.medborgardialog.case.assigned.v1";
    public static final String CASE_FORWARDED = "se.medborgardialog.case.forwarded.v1";
    public static final String CITIZEN_INFO_REQUESTED = "se.medborgardialog.case.citizen-info-requested.v1";
    public static final String CITIZEN_INFO_RECEIVED = "se.medborgardialog.case.citizen-info-received.v1";
    public static final String CASE_REOPENED = "se.medborgardialog.case.reopened.v1";
    public static final String CASES_LINKED = "se.medborgardialog.case.linked.v1";
    public static final String DECISION_DEMANDED = "se.medborgardialog.case.decision-demanded.v1";
    public static final String AVVIKELSE_STEP_RECORDED = "se.medborgardialog.avvikelse.step-recorded.v1";
    public static final String CITIZEN_REPLIED = "se.medborgardialog.citizen.replied.v1";
    public static final String DEADLINE_SCHEDULED = "se.medborgardialog.deadline.scheduled.v1";
    public static final String DEADLINE_MET = "se.medborgardialog.deadline.met.v1";
    public static final String DEADLINE_BREACHED = "se.medborgardialog.deadline.breached.v1";
    public static final String DEADLINE_PAUSED = "se.medborgardialog.deadline.paused.v1";
    public static final String DEADLINE_RESUMED = "se.medborgardialog.deadline.resumed.v1";
    public static final String DEADLINE_WARNING = "se.medborgardialog.deadline.warning.v1";
    public static final String DEADLINE_RESCHEDULED = "se.medborgardialog.deadline.rescheduled.v1";
    public static final String RECONCILIATION_REQUESTED = "se.medborgardialog.reconciliation.requested.v1";
    public static final String CASE_COUNTS_REPORTED = "se.medborgardialog.reconciliation.case-counts-reported.v1";

    /** CloudEvents {@code source} attributes, one per producing service. */
    public static final String SOURCE_INTAKE = "/medborgardialog/intake-service";
    public static final String SOURCE_CASES = "/medborgardialog/case-service";
    public static final String SOURCE_SLA = "/medborgardialog/sla-service";
    public static final String SOURCE_REPORTING = "/medborgardialog/reporting-service";

    private EventTypes() {
    }
}
