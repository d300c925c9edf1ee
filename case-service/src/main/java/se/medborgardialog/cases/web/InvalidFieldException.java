package se.medborgardialog.cases.web;

/** Input a controller rejected itself (e.g. an unknown status word); answered 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String swedishMessage) {
        super(swedishMessage);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
