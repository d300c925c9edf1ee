package se.medborgardialog.reporting.web;

/** A manager asked for a unit that is not hers: answered 403. */
public class ForbiddenUnitException extends RuntimeException {

    private final String field;

    public ForbiddenUnitException(String field) {
        super("Unit outside the reader's units");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
