package se.medborgardialog.intake.fuzz;

import java.util.Random;

/**
 * The seed and the number of tries of a fuzz run. CI runs the fixed seed; a longer run, or a replay of a failure
 * (whose message prints the seed), is {@code -Dfuzz.seed=… -Dfuzz.tries=…}.
 */
final class FuzzRun {

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int TRIES = Integer.getInteger("fuzz.tries", 20);

    private FuzzRun() {
    }

    /** Each endpoint has its own sequence, so adding an endpoint does not change the others' cases. */
    static Random random(String endpoint) {
        return new Random(SEED * 31 + endpoint.hashCode());
    }

    static String replay() {
        return "replay with -Dfuzz.seed=" + SEED + " -Dfuzz.tries=" + TRIES;
    }
}
