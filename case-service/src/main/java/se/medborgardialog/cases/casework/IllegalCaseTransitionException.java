package se.medborgardialog.cases.casework;

/** A move the case's current status does not allow, e.g. answering twice. Answered with 409. */
public class IllegalCaseTransitionException extends RuntimeException {

    private final transient Case current;

    public IllegalCaseTransitionException(Case current, String swedishMessage) {
        super(swedishMessage);
        this.current = current;
    }

    public Case current() {
        return current;
    }
}
