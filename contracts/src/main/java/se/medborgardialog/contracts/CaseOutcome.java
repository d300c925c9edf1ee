package se.medborgardialog.contracts;

/** How a case was closed. */
public enum CaseOutcome {
    ATGARDAT, BESVARAT, INGEN_ATGARD, HANVISAT, DUBBLETT
}
