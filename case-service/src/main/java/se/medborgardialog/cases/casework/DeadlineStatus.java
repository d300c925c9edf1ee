package se.medborgardialog.cases.casework;

/** The deadline clock as sla-service reported it. */
public enum DeadlineStatus {
    RUNNING, MET, BREACHED;

    /** A clock that stopped never runs again, whatever order its events arrive in. */
    public boolean isFinal() {
        return this != RUNNING;
    }
}
