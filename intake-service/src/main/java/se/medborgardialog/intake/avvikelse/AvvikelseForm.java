package se.medborgardialog.intake.avvikelse;

import java.util.UUID;

/**
 * The staff page's form as posted ({@code application/x-www-form-urlencoded}), all text so whatever was typed can
 * be shown again next to its error. It becomes the same {@link AvvikelseRequest} the JSON API takes.
 *
 * @param occurredAt        from a {@code datetime-local} input: a local date-time in Swedish time
 * @param protectedIdentity "true" when the box is ticked
 * @param idempotencyKey    a UUID written into the form when shown: a double click gets the first receipt back
 */
record AvvikelseForm(
        String law,
        String legalFlow,
        String unit,
        String whatHappened,
        String occurredAt,
        String noticedAt,
        String immediateMeasures,
        String personName,
        String personnummer,
        String protectedIdentity,
        String idempotencyKey) {

    /** Keeps form keys apart from keys API clients choose. */
    private static final String KEY_PREFIX = "avvikelse-form:";

    static AvvikelseForm blank(String unit) {
        return new AvvikelseForm(null, null, unit, null, null, null, null, null, null, null,
                UUID.randomUUID().toString());
    }

    boolean isProtected() {
        return "true".equals(protectedIdentity);
    }

    AvvikelseRequest toRequest() {
        boolean anyPerson = !isBlank(personName) || !isBlank(personnummer) || isProtected();
        return new AvvikelseRequest(law, legalFlow, unit, whatHappened, occurredAt, noticedAt, immediateMeasures,
                anyPerson ? new AvvikelseRequest.AffectedPersonRequest(personName, personnummer, isProtected()) : null);
    }

    AvvikelseForm withUsableKey() {
        return hasUsableKey() ? this : withNewKey();
    }

    AvvikelseForm withNewKey() {
        return new AvvikelseForm(law, legalFlow, unit, whatHappened, occurredAt, noticedAt, immediateMeasures,
                personName, personnummer, protectedIdentity, UUID.randomUUID().toString());
    }

    String storedIdempotencyKey() {
        return KEY_PREFIX + idempotencyKey;
    }

    private boolean hasUsableKey() {
        if (idempotencyKey == null) {
            return false;
        }
        try {
            return UUID.fromString(idempotencyKey).toString().equals(idempotencyKey);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
