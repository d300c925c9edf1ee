package se.medborgardialog.intake.web;

/** The {@code Idempotency-Key} header's own rules, the same for every kind of submission. */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** @throws InvalidRequestException naming {@code Idempotency-Key} when it is given but blank or too long */
    public static void check(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_LENGTH)) {
            throw new InvalidRequestException(new FieldViolation("Idempotency-Key",
                    "Nyckeln får inte vara tom och får vara högst " + MAX_LENGTH + " tecken."));
        }
    }
}
