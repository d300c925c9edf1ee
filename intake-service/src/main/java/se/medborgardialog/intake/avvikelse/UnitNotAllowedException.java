package se.medborgardialog.intake.avvikelse;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.ProblemException;

/** A REPORTER reporting for a unit that is not theirs: 403. */
class UnitNotAllowedException extends ProblemException {

    UnitNotAllowedException() {
        super(HttpStatus.FORBIDDEN, "Behörighet saknas",
                "Du kan bara rapportera avvikelser för de enheter du arbetar i.",
                List.of(new FieldViolation("unit", "Du har inte behörighet att rapportera för den här enheten.")));
    }
}
