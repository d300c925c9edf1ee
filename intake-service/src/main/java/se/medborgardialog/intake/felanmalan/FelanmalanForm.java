package se.medborgardialog.intake.felanmalan;

import java.util.UUID;

/**
 * The felanmälan form as posted, all text, so whatever was typed can be shown again next to its error. It becomes
 * the same {@link FelanmalanRequest} the JSON API takes, so both are checked by {@link FelanmalanValidator}.
 *
 * @param idempotencyKey a UUID written into the form when it was shown: a double click or a resubmit gets the
 *                       first receipt back
 */
record FelanmalanForm(
        String category,
        String description,
        String latitude,
        String longitude,
        String address,
        String name,
        String email,
        String phone,
        String idempotencyKey) {

    private static final String KEY_PREFIX = "felanmalan-form:";

    static FelanmalanForm blank() {
        return new FelanmalanForm(null, null, null, null, null, null, null, null, UUID.randomUUID().toString());
    }

    FelanmalanRequest toRequest() {
        return new FelanmalanRequest(category, description,
                new FelanmalanRequest.LocationRequest(degrees(latitude), degrees(longitude), address),
                new FelanmalanRequest.ContactRequest(name, email, phone), "web");
    }

    /**
     * Empty is "not given"; a Swedish decimal comma is accepted; anything else that is not a number becomes NaN,
     * which the validator reports against the field like any other out-of-range value.
     */
    static Double degrees(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(typed.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    FelanmalanForm withUsableKey() {
        return hasUsableKey() ? this : withNewKey();
    }

    FelanmalanForm withNewKey() {
        return new FelanmalanForm(category, description, latitude, longitude, address, name, email, phone,
                UUID.randomUUID().toString());
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
