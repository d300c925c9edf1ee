package se.medborgardialog.intake.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the client should see as an RFC 9457 problem. Features throw subclasses; {@link ApiProblems}
 * renders them, so no feature builds HTTP error responses itself.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldViolation> errors;

    protected ProblemException(HttpStatus status, String title, String detail, List<FieldViolation> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }

    public ProblemDetail toProblem() {
        return Problems.of(status, title, getMessage(), errors);
    }
}
