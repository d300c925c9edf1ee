package se.medborgardialog.contracts;

/**
 * The legal flow an avvikelse starts (DOMAIN.md): lex Sarah (SoL, LSS), lex Maria (HSL), and under Skollagen
 * kränkande behandling (6 kap 10 §) or a klagomål on the school (4 kap 8 §).
 */
public enum LegalFlow {
    /** SoL or LSS. */
    LEX_SARAH,
    /** HSL. */
    LEX_MARIA,
    /** Skollagen 6 kap 10 §. */
    KRANKANDE_BEHANDLING,
    /** Skollagen 4 kap 8 §. */
    SKOLKLAGOMAL
}
