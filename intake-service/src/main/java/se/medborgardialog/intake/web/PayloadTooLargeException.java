package se.medborgardialog.intake.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A part of the request (a file, the JSON part of a multipart request) is over its limit: 413 naming it. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail, List<FieldViolation> errors) {
        super(HttpStatus.CONTENT_TOO_LARGE, "För stor begäran", detail, errors);
    }
}
