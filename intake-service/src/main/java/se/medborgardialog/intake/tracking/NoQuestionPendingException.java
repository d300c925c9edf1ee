package se.medborgardialog.intake.tracking;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.ProblemException;

/** A reply to a case that does not wait for one (never asked, already received, or already replied): 409. */
class NoQuestionPendingException extends ProblemException {

    static final String NOT_ASKED = "Handläggaren väntar inte på något svar från dig i det här ärendet, "
            + "så ditt svar har inte skickats. Du behöver inte göra något.";
    static final String ALREADY_REPLIED = "Du har redan svarat på handläggarens fråga. Ditt svar har skickats "
            + "till handläggaren, så det här svaret har inte skickats.";

    NoQuestionPendingException(String message) {
        super(HttpStatus.CONFLICT, "Inget svar väntas", message, List.of());
    }
}
