package se.medborgardialog.sla.deadline;

/**
 * Where a deadline clock stands. RUNNING → MET | BREACHED | PAUSED; PAUSED → RUNNING (resumed, or BREACHED at once
 * when the moved deadline has passed too) | MET (answered or closed while waiting for the citizen: it cannot be late
 * while paused); BREACHED → BREACHED_ANSWERED_LATE; MET is final. A paused clock is never breached by the scanner.
 */
public enum DeadlineStatus {
    RUNNING, PAUSED, MET, BREACHED, BREACHED_ANSWERED_LATE
}
