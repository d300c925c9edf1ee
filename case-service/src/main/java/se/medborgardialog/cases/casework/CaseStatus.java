package se.medborgardialog.cases.casework;

/**
 * Where a case is in its life: registered and being worked, waiting for the citizen's reply to a question, answered
 * to the citizen, or closed.
 */
public enum CaseStatus {
    OPEN, WAITING_FOR_CITIZEN, ANSWERED, CLOSED;

    /** The Swedish words shown to staff in problem details. */
    public String swedish() {
        return switch (this) {
            case OPEN -> "öppet";
            case WAITING_FOR_CITIZEN -> "väntar på medborgaren";
            case ANSWERED -> "besvarat";
            case CLOSED -> "avslutat";
        };
    }
}
