package se.medborgardialog.contracts;

/** The four kinds of submission a case can come from; each has its own rules and deadlines (DOMAIN.md). */
public enum CaseType {
    SYNPUNKT, FELANMALAN, E_FORSLAG, AVVIKELSE
}
