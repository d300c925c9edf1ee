package se.medborgardialog.contracts;

/**
 * What kind of promise a deadline clock keeps (DOMAIN.md).
 *
 * <ul>
 *   <li>{@link #TJANSTEGARANTI}: a service guarantee the nämnd made to citizens; a breach is told to the citizen, who
 *       may complain about it, and may carry a compensation;</li>
 *   <li>{@link #LAGKRAV}: a deadline of law (lex Sarah, lex Maria, Skollagen 6 kap 10 §, Förvaltningslagen 11–12 §§),
 *       whose number the organisation sets where the law says "utan dröjsmål", "snarast" or "skyndsamt";</li>
 *   <li>{@link #RIKTLINJE}: a local rule of the municipality, such as answering every synpunkt within two working
 *       days.</li>
 * </ul>
 */
public enum GuaranteeType {
    TJANSTEGARANTI, LAGKRAV, RIKTLINJE
}
