package se.medborgardialog.intake.tracking;

import java.util.UUID;

/**
 * The reply form on the status page as posted: the code it was shown for, what was typed (shown again next to an
 * error), and a token written into the form when it was shown, so a double click or a resubmit sends one reply.
 */
record CitizenReplyForm(String kod, String text, String idempotencyKey) {

    private static final String KEY_PREFIX = "citizen-reply-form:";

    static CitizenReplyForm blank(String kod) {
        return new CitizenReplyForm(kod, null, UUID.randomUUID().toString());
    }

    /** The same form, with a fresh token when it came without a usable one (e.g. from an outdated page). */
    CitizenReplyForm withUsableKey() {
        boolean usable = idempotencyKey != null
                && idempotencyKey.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        return usable ? this : withNewKey();
    }

    CitizenReplyForm withNewKey() {
        return new CitizenReplyForm(kod, text, UUID.randomUUID().toString());
    }

    String storedIdempotencyKey() {
        return KEY_PREFIX + idempotencyKey;
    }
}
