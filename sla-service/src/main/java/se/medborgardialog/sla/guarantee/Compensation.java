package se.medborgardialog.sla.guarantee;

/**
 * What the citizen is owed when a guarantee is breached: always a Swedish text, and optionally a rule a system can
 * apply.
 *
 * @param text     e.g. "Avgiften sätts ned med en femtedel per påbörjad vecka"
 * @param rule     null when the text is all there is
 * @param fraction for {@link Rule#FEE_FRACTION_PER_STARTED_WEEK}: the share of the fee per started week late, 0 < f ≤ 1
 * @param credit   for {@link Rule#FIXED_CREDIT}: what is credited, e.g. "en månadsavgift"
 */
public record Compensation(String text, Rule rule, Double fraction, String credit) {

    public enum Rule {
        FEE_FRACTION_PER_STARTED_WEEK, FIXED_CREDIT
    }
}
