package se.medborgardialog.intake.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import se.medborgardialog.intake.felanmalan.FelanmalanRequest;
import se.medborgardialog.intake.web.FieldViolation;

/**
 * The fields of {@code POST requests} as a client sent them (form-encoded, all text), and how they become the
 * {@link FelanmalanRequest} the felanmälan API takes, so both are checked by the same rules. {@code media_url} is
 * accepted and not used: intake never fetches a remote URL, and photos are not taken yet.
 */
record PostedRequest(
        String serviceCode,
        String lat,
        String longitude,
        String addressString,
        String addressId,
        String description,
        String email,
        String firstName,
        String lastName,
        String phone,
        String mediaUrl) {

    /** Open311 reaches felanmälan as an app does: Channel has no value of its own for it (see README). */
    static final String CHANNEL = "app";

    /** The felanmälan validator's field names, in Open311's words. */
    private static final Map<String, String> FIELDS = Map.of(
            "category", "service_code",
            "description", "description",
            "location", "lat, long, address_string",
            "location.latitude", "lat",
            "location.longitude", "long",
            "location.address", "address_string",
            "contact.name", "first_name, last_name",
            "contact.email", "email",
            "contact.phone", "phone");

    /** The fields from the request's parameters (the first value of each), by their Open311 names. */
    static PostedRequest of(MultiValueMap<String, String> parameters) {
        return new PostedRequest(parameters.getFirst("service_code"), parameters.getFirst("lat"),
                parameters.getFirst("long"), parameters.getFirst("address_string"), parameters.getFirst("address_id"),
                parameters.getFirst("description"), parameters.getFirst("email"), parameters.getFirst("first_name"),
                parameters.getFirst("last_name"), parameters.getFirst("phone"), parameters.getFirst("media_url"));
    }

    /**
     * @throws Open311Exception 400 when the only location given is an {@code address_id}: there is no address
     *                          register to look it up in
     */
    FelanmalanRequest toFelanmalan() {
        if (isBlank(lat) && isBlank(longitude) && isBlank(addressString) && !isBlank(addressId)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, List.of("address_id: Kommunen har inget adressregister "
                    + "för Open311; ange lat och long eller address_string."), new HttpHeaders());
        }
        return new FelanmalanRequest(serviceCode, description,
                new FelanmalanRequest.LocationRequest(degrees(lat), degrees(longitude), addressString),
                new FelanmalanRequest.ContactRequest(name(), email, phone), CHANNEL);
    }

    /** Each violation as an Open311 error description that starts with the field's Open311 name. */
    static List<String> describe(List<FieldViolation> violations) {
        List<String> descriptions = new ArrayList<>();
        for (FieldViolation violation : violations) {
            descriptions.add(FIELDS.getOrDefault(violation.field(), violation.field()) + ": " + violation.message());
        }
        return descriptions;
    }

    /** Empty is "not given"; text that is not a number becomes NaN, which the validator refuses for the field. */
    static Double degrees(String given) {
        if (isBlank(given)) {
            return null;
        }
        try {
            return Double.valueOf(given.strip());
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private String name() {
        String joined = Stream.of(firstName, lastName).filter(part -> !isBlank(part)).map(String::strip)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
