package se.medborgardialog.intake.publishing;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.ProblemException;

/** The Idempotency-Key was already used for a different request. */
public class IdempotencyConflictException extends ProblemException {

    public IdempotencyConflictException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key redan använd",
                "Samma Idempotency-Key har redan använts för en annan begäran.",
                List.of(new FieldViolation("Idempotency-Key",
                        "Nyckeln har redan använts med ett annat innehåll. Använd en ny nyckel.")));
    }
}
