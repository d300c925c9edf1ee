package se.medborgardialog.contracts;

/**
 * The steps of an avvikelse's legal flow (DOMAIN.md) that have a timestamp: the Skollagen 6 kap 10 § chain (staff →
 * rektor → huvudman → investigation), and lex Sarah's and lex Maria's investigation, decision and IVO report.
 */
public enum AvvikelseStep {
    REPORTED_TO_REKTOR,
    REPORTED_TO_HUVUDMAN,
    INVESTIGATION_STARTED,
    RISK_ASSESSED,
    DECIDED,
    IVO_REPORTED,
    INVESTIGATION_COMPLETED
}
