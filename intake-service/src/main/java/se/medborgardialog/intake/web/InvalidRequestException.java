package se.medborgardialog.intake.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request is syntactically or semantically invalid: 400 naming every offending field. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(List<FieldViolation> errors) {
        super(HttpStatus.BAD_REQUEST, "Ogiltig begäran", "En eller flera uppgifter är felaktiga.", errors);
    }

    public InvalidRequestException(FieldViolation error) {
        this(List.of(error));
    }
}
