package se.medborgardialog.intake.tracking;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.ProblemException;

/** No case follows this code (yet), or nothing there to do what was asked: 404, in Swedish words. */
class UnknownTrackingCodeException extends ProblemException {

    static final String MESSAGE =
            "Hittar inget ärende med den koden. Om du nyss skickat in, vänta en minut och försök igen.";
    /** A complaint about a breached guarantee, for a case whose guarantees were all kept. */
    static final String NO_BREACH = "Hittar ingen tjänstegaranti som inte hölls för ärendet med den koden.";

    UnknownTrackingCodeException() {
        this(MESSAGE);
    }

    UnknownTrackingCodeException(String message) {
        super(HttpStatus.NOT_FOUND, "Okänd spårningskod", message, List.of(new FieldViolation("trackingCode", message)));
    }
}
