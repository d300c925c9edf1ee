package se.medborgardialog.reporting.facts;

/**
 * How the reported deadline clock of a case ended. A clock ends either met or breached; should both ever
 * arrive (a re-published or misordered event), {@link #BREACHED} wins: a promise broken once stays broken.
 */
public enum DeadlineOutcome {
    MET, BREACHED
}
