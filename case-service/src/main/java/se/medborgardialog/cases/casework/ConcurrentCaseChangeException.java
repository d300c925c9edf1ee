package se.medborgardialog.cases.casework;

/** Somebody else changed the case between our read and our write (optimistic locking). Answered with 409. */
public class ConcurrentCaseChangeException extends RuntimeException {

    private final transient Case current;

    ConcurrentCaseChangeException(Case current) {
        super("Ärendet ändrades av någon annan samtidigt. Läs om det och försök igen.");
        this.current = current;
    }

    public Case current() {
        return current;
    }
}
