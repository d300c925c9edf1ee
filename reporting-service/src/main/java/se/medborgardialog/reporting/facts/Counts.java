package se.medborgardialog.reporting.facts;

/**
 * The figures statistics report for a group of cases (or for one case, where each is 0 or 1).
 *
 * @param received               cases received (opened) in the cohort
 * @param answered               of those, answered
 * @param answeredWithinDeadline of those, whose deadline clock ended {@link DeadlineOutcome#MET}
 * @param breached               of those, whose deadline clock ended {@link DeadlineOutcome#BREACHED}
 * @param open                   of those, not yet closed
 */
public record Counts(long received, long answered, long answeredWithinDeadline, long breached, long open) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(received + other.received, answered + other.answered,
                answeredWithinDeadline + other.answeredWithinDeadline, breached + other.breached, open + other.open);
    }
}
