package se.medborgardialog.reporting.web;

import java.util.List;

/** Bad input, answered 400 with a problem naming every offending field. */
public class InvalidRequestException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid request: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
