package se.medborgardialog.cases.casework;

/** Where a case is in its life: registered and waiting, answered to the citizen, or closed. */
public enum CaseStatus {
    OPEN, ANSWERED, CLOSED;

    /** The Swedish word shown to staff in problem details. */
    public String swedish() {
        return switch (this) {
            case OPEN -> "öppet";
            case ANSWERED -> "besvarat";
            case CLOSED -> "avslutat";
        };
    }
}
