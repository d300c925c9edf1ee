package se.medborgardialog.intake.tracking;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.ProblemException;

/** No case follows this code (yet): 404, in words that also help someone who has only just submitted. */
class UnknownTrackingCodeException extends ProblemException {

    static final String MESSAGE =
            "Hittar inget ärende med den koden. Om du nyss skickat in, vänta en minut och försök igen.";

    UnknownTrackingCodeException() {
        super(HttpStatus.NOT_FOUND, "Okänd spårningskod", MESSAGE,
                List.of(new FieldViolation("trackingCode", MESSAGE)));
    }
}
