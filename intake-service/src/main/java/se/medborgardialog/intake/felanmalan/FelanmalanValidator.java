package se.medborgardialog.intake.felanmalan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.intake.web.ContactRules;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

/** Checks a felanmälan field by field and reports every problem at once, in Swedish. */
@Component
class FelanmalanValidator {

    static final int MAX_DESCRIPTION_LENGTH = 4000;
    static final int MAX_ADDRESS_LENGTH = 300;
    static final int MAX_NAME_LENGTH = ContactRules.MAX_NAME_LENGTH;
    static final int MAX_EMAIL_LENGTH = ContactRules.MAX_EMAIL_LENGTH;

    /** A rough box around Sweden: coordinates outside it are almost certainly swapped or mistyped. */
    static final double SWEDEN_MIN_LATITUDE = 55.0;
    static final double SWEDEN_MAX_LATITUDE = 69.1;
    static final double SWEDEN_MIN_LONGITUDE = 10.9;
    static final double SWEDEN_MAX_LONGITUDE = 24.2;

    private final FelanmalanProperties properties;

    FelanmalanValidator(FelanmalanProperties properties) {
        this.properties = properties;
    }

    ValidFelanmalan validate(FelanmalanRequest request) {
        List<FieldViolation> errors = new ArrayList<>();

        if (isBlank(request.category())) {
            errors.add(new FieldViolation("category", "Välj vad felet gäller."));
        } else if (!properties.contains(request.category())) {
            errors.add(new FieldViolation("category", "Okänd kategori. Se GET /api/v1/felanmalan/kategorier."));
        }

        String description = request.description() == null ? null : request.description().strip();
        if (isBlank(description)) {
            errors.add(new FieldViolation("description", "Beskriv felet."));
        } else if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldViolation("description",
                    "Beskrivningen får vara högst " + MAX_DESCRIPTION_LENGTH + " tecken."));
        }

        Location location = location(request.location(), errors);
        Contact contact = contact(request.contact(), errors);
        Channel channel = channel(request.channel(), errors);

        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidFelanmalan(request.category(), description, location, contact, channel);
    }

    private static Location location(FelanmalanRequest.LocationRequest given, List<FieldViolation> errors) {
        Double latitude = given == null ? null : given.latitude();
        Double longitude = given == null ? null : given.longitude();
        String address = given == null ? null : blankToNull(given.address());
        int before = errors.size();

        if (latitude == null && longitude == null && address == null) {
            errors.add(new FieldViolation("location",
                    "Ange var felet finns: en adress, eller latitud och longitud."));
            return null;
        }
        if (latitude != null && longitude == null) {
            errors.add(new FieldViolation("location.longitude", "Ange longitud också, eller ingen av koordinaterna."));
        }
        if (longitude != null && latitude == null) {
            errors.add(new FieldViolation("location.latitude", "Ange latitud också, eller ingen av koordinaterna."));
        }
        if (latitude != null) {
            if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
                errors.add(new FieldViolation("location.latitude",
                        "Latitud anges i decimalgrader (WGS84) mellan -90 och 90, t.ex. 59.3293."));
            } else if (latitude < SWEDEN_MIN_LATITUDE || latitude > SWEDEN_MAX_LATITUDE) {
                errors.add(new FieldViolation("location.latitude",
                        "Platsen ligger inte i Sverige: latitud ska vara mellan 55 och 69,1."));
            }
        }
        if (longitude != null) {
            if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
                errors.add(new FieldViolation("location.longitude",
                        "Longitud anges i decimalgrader (WGS84) mellan -180 och 180, t.ex. 18.0686."));
            } else if (longitude < SWEDEN_MIN_LONGITUDE || longitude > SWEDEN_MAX_LONGITUDE) {
                errors.add(new FieldViolation("location.longitude",
                        "Platsen ligger inte i Sverige: longitud ska vara mellan 10,9 och 24,2."));
            }
        }
        if (address != null && address.length() > MAX_ADDRESS_LENGTH) {
            errors.add(new FieldViolation("location.address",
                    "Adressen får vara högst " + MAX_ADDRESS_LENGTH + " tecken."));
        }
        return errors.size() == before ? new Location(latitude, longitude, address) : null;
    }

    private static Contact contact(FelanmalanRequest.ContactRequest given, List<FieldViolation> errors) {
        return given == null ? null : ContactRules.check(given.name(), given.email(), given.phone(), errors);
    }

    /** Citizens report through the web form or an app; staff channels are not offered for felanmälan. */
    private static Channel channel(String given, List<FieldViolation> errors) {
        if (given == null) {
            return Channel.WEB;
        }
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "web" -> Channel.WEB;
            case "app" -> Channel.APP;
            default -> {
                errors.add(new FieldViolation("channel", "Okänd kanal. Tillåtna värden: web, app."));
                yield null;
            }
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
