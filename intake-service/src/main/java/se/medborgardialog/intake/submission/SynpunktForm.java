package se.medborgardialog.intake.submission;

import java.util.UUID;

/**
 * The citizen form as posted ({@code application/x-www-form-urlencoded}), all text, so that whatever was typed
 * can be shown again next to its error. It is turned into the same {@link SubmissionRequest} the JSON API takes,
 * so both are checked by the one {@link SubmissionValidator}.
 *
 * @param idempotencyKey a UUID written into the form when it was shown: a double click or a browser resubmit
 *                       sends it again and gets the first receipt back
 */
record SynpunktForm(
        String kind,
        String category,
        String text,
        String name,
        String email,
        String phone,
        String idempotencyKey) {

    /** The web form's submissions always come in through the web channel, never with a stated time of receipt. */
    static final String CHANNEL = "web";

    /** Keeps form keys apart from keys API clients choose. */
    private static final String KEY_PREFIX = "web-form:";

    static SynpunktForm blank() {
        return new SynpunktForm(null, null, null, null, null, null, UUID.randomUUID().toString());
    }

    SubmissionRequest toRequest() {
        return new SubmissionRequest(kind, category, text, CHANNEL,
                new SubmissionRequest.ContactRequest(name, email, phone), null);
    }

    /** Only a key this service wrote into the form (a UUID) is honoured; anything else gets a fresh one. */
    SynpunktForm withUsableKey() {
        return hasUsableKey() ? this : withNewKey();
    }

    SynpunktForm withNewKey() {
        return new SynpunktForm(kind, category, text, name, email, phone, UUID.randomUUID().toString());
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
}
