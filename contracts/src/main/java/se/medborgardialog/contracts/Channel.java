package se.medborgardialog.contracts;

/** How a submission reached the municipality. E-post, brev, telefon and besök are registered by staff. */
public enum Channel {
    WEB, APP, E_POST, BREV, TELEFON, BESOK
}
