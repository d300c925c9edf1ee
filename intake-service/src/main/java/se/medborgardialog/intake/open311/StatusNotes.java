package se.medborgardialog.intake.open311;

import java.util.Locale;
import se.medborgardialog.intake.tracking.CaseProgress;

/** The Swedish {@code status_notes} of a service request: where its case stands, and whether it is a duplicate. */
final class StatusNotes {

    private StatusNotes() {
    }

    /** @param duplicateOf the case (= the first report's service request id) a linked report follows, or null */
    static String of(String duplicateOf, CaseProgress progress) {
        String state = state(progress);
        return duplicateOf == null ? state
                : "Samma fel som service request " + duplicateOf + "; den här anmälan följer det ärendet. " + state;
    }

    private static String state(CaseProgress progress) {
        if (progress.closedAt() != null) {
            String outcome = outcome(progress.outcome());
            return outcome == null ? "Ärendet är avslutat." : "Ärendet är avslutat: " + outcome + ".";
        }
        String registered = progress.diarienummer() == null ? "" : " (diarienummer " + progress.diarienummer() + ")";
        if (progress.answeredAt() != null) {
            return "Ärendet är besvarat" + registered + ".";
        }
        if (progress.openedAt() != null) {
            return "Ärendet är registrerat" + registered + " och ligger hos den som åtgärdar felet.";
        }
        return "Felanmälan är mottagen och skickas till den som åtgärdar felet.";
    }

    /** CaseOutcome's names in the words a citizen reads; null for none. */
    private static String outcome(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "ATGARDAT" -> "felet är åtgärdat";
            case "INGEN_ATGARD" -> "ingen åtgärd";
            case "HANVISAT" -> "hänvisat till någon annan";
            case "DUBBLETT" -> "samma fel som en tidigare anmälan";
            case "BESVARAT" -> "besvarat";
            default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
