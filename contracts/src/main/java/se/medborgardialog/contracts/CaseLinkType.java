package se.medborgardialog.contracts;

/** How two cases are linked: about the same matter, or one a duplicate of the other (merged into it). */
public enum CaseLinkType {
    RELATED, DUPLICATE_OF
}
