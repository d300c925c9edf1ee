package se.medborgardialog.sla.deadline;

/** Where a deadline clock stands. RUNNING → MET | BREACHED; BREACHED → BREACHED_ANSWERED_LATE; MET is final. */
public enum DeadlineStatus {
    RUNNING, MET, BREACHED, BREACHED_ANSWERED_LATE
}
