package se.medborgardialog.contracts;

/** What a synpunkt is: beröm (praise), klagomål (complaint), förslag (suggestion) or fråga (question). */
public enum SynpunktKind {
    BEROM, KLAGOMAL, FORSLAG, FRAGA
}
