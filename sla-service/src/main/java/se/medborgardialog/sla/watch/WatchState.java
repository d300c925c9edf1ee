package se.medborgardialog.sla.watch;

/**
 * Where a clock stands, as managers watch it: running, at risk (a warning point was reached), breached, met, or
 * paused while the case waits for the citizen. The words are what the page shows; the colour only repeats them.
 */
public enum WatchState {
    RUNNING("Pågår", "state-running"),
    AT_RISK("Riskerar att försenas", "state-at-risk"),
    BREACHED("Försenad", "state-breached"),
    MET("Klar i tid", "state-met"),
    PAUSED("Pausad", "state-paused");

    private final String words;
    private final String cssClass;

    WatchState(String words, String cssClass) {
        this.words = words;
        this.cssClass = cssClass;
    }

    public String words() {
        return words;
    }

    public String cssClass() {
        return cssClass;
    }

    /** Still counting: running, at risk or paused. */
    public boolean open() {
        return this == RUNNING || this == AT_RISK || this == PAUSED;
    }
}
