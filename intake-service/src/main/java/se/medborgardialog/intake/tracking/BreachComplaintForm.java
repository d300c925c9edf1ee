package se.medborgardialog.intake.tracking;

import java.util.UUID;

/**
 * The complaint form of a breached guarantee as posted: the case's code (hidden), the text (prefilled, editable), the
 * optional contact, and a token written into the form when it was shown, so a double click files one complaint.
 */
record BreachComplaintForm(String kod, String text, String name, String email, String phone,
        String idempotencyKey) {

    private static final String KEY_PREFIX = "breach-complaint-form:";

    static BreachComplaintForm suggested(BreachComplaints.Breached breached) {
        return new BreachComplaintForm(breached.trackingCode(), breached.suggestedText(), null, null, null,
                UUID.randomUUID().toString());
    }

    /** The same form, with a fresh token when it came without a usable one (e.g. from an outdated page). */
    BreachComplaintForm withUsableKey() {
        boolean usable = idempotencyKey != null
                && idempotencyKey.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        return usable ? this : withNewKey();
    }

    BreachComplaintForm withNewKey() {
        return new BreachComplaintForm(kod, text, name, email, phone, UUID.randomUUID().toString());
    }

    /** What was typed in the text field: a page's text area is never "left out", so an emptied one stays empty. */
    String typedText() {
        return text == null ? "" : text;
    }

    BreachComplaints.ContactDetails contact() {
        return new BreachComplaints.ContactDetails(name, email, phone);
    }

    String storedIdempotencyKey() {
        return KEY_PREFIX + idempotencyKey;
    }
}
