package se.medborgardialog.cases.avvikelse;

/**
 * The risk level of a risk and consequence assessment: probability × consequence, each on the scale 1–4
 * (the usual risk matrix of Swedish vård och omsorg), gives 1–16.
 */
public enum RiskLevel {
    /** 1–3. */
    LAG("låg"),
    /** 4–6. */
    MATTLIG("måttlig"),
    /** 8–9. */
    HOG("hög"),
    /** 12–16. */
    MYCKET_HOG("mycket hög");

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 4;

    private final String swedish;

    RiskLevel(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    public static int value(int probability, int consequence) {
        requireOnScale(probability, "probability");
        requireOnScale(consequence, "consequence");
        return probability * consequence;
    }

    public static RiskLevel of(int probability, int consequence) {
        int value = value(probability, consequence);
        if (value <= 3) {
            return LAG;
        }
        if (value <= 6) {
            return MATTLIG;
        }
        return value <= 9 ? HOG : MYCKET_HOG;
    }

    private static void requireOnScale(int value, String name) {
        if (value < SCALE_MIN || value > SCALE_MAX) {
            throw new IllegalArgumentException(name + " must be " + SCALE_MIN + "–" + SCALE_MAX + ", was " + value);
        }
    }
}
