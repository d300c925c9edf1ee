package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

class FelanmalanValidatorTests {

    private final FelanmalanValidator validator = new FelanmalanValidator(new FelanmalanProperties(
            List.of(new FelanmalanCategory("gatubelysning", "Gatubelysning", "Släckt lykta"),
                    new FelanmalanCategory("potthal", "Potthål", "Hål i gatan")), 250, 10));

    private static FelanmalanRequest request(String category, Double latitude, Double longitude, String address) {
        return new FelanmalanRequest(category, "Lyktan är släckt",
                new FelanmalanRequest.LocationRequest(latitude, longitude, address), null, null);
    }

    private List<String> fieldsOf(FelanmalanRequest request) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.validate(request));
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().stream().map(FieldViolation::field).toList();
    }

    @Test
    void acceptsCoordinatesInSwedenAndDefaultsToTheWebChannel() {
        ValidFelanmalan valid = validator.validate(request("gatubelysning", 59.3293, 18.0686, null));

        assertThat(valid.hasCoordinates()).isTrue();
        assertThat(valid.channel()).isEqualTo(Channel.WEB);
        assertThat(valid.contact()).isNull();
    }

    @Test
    void acceptsAnAddressAlone() {
        ValidFelanmalan valid = validator.validate(request("potthal", null, null, " Storgatan 12 "));

        assertThat(valid.hasCoordinates()).isFalse();
        assertThat(valid.location().address()).isEqualTo("Storgatan 12");
    }

    @Test
    void refusesAReportWithNoLocationAtAll() {
        assertThat(fieldsOf(request("gatubelysning", null, null, "  "))).containsExactly("location");
        assertThat(fieldsOf(new FelanmalanRequest("gatubelysning", "Släckt", null, null, null)))
                .containsExactly("location");
    }

    @Test
    void refusesOneCoordinateWithoutTheOther() {
        assertThat(fieldsOf(request("gatubelysning", 59.3, null, "Storgatan 12"))).containsExactly("location.longitude");
        assertThat(fieldsOf(request("gatubelysning", null, 18.0, null))).containsExactly("location.latitude");
    }

    @Test
    void refusesCoordinatesOutOfRangeOrOutsideSweden() {
        assertThat(fieldsOf(request("gatubelysning", 91.0, 18.0, null))).containsExactly("location.latitude");
        assertThat(fieldsOf(request("gatubelysning", 59.0, 181.0, null))).containsExactly("location.longitude");
        assertThat(fieldsOf(request("gatubelysning", Double.NaN, 18.0, null))).containsExactly("location.latitude");
        // Swapped coordinates (18, 59) is a classic mistake: both are outside Sweden's box.
        assertThat(fieldsOf(request("gatubelysning", 18.0686, 59.3293, null)))
                .containsExactly("location.latitude", "location.longitude");
        assertThat(fieldsOf(request("gatubelysning", 52.52, 13.40, null))).containsExactly("location.latitude");
    }

    @Test
    void refusesAnUnknownCategoryAMissingDescriptionAndABadEmailAllAtOnce() {
        FelanmalanRequest request = new FelanmalanRequest("synpunkt", " ",
                new FelanmalanRequest.LocationRequest(59.3, 18.0, null),
                new FelanmalanRequest.ContactRequest("Eva", "inte-en-adress", "070-1"), "brev");

        assertThat(fieldsOf(request)).containsExactly("category", "description", "contact.email", "channel");
    }

    @Test
    void refusesADescriptionOver4000Characters() {
        FelanmalanRequest request = new FelanmalanRequest("potthal", "x".repeat(4001),
                new FelanmalanRequest.LocationRequest(null, null, "Storgatan 12"), null, "app");

        assertThat(fieldsOf(request)).containsExactly("description");
        assertThat(validator.validate(new FelanmalanRequest("potthal", "x".repeat(4000),
                new FelanmalanRequest.LocationRequest(null, null, "Storgatan 12"), null, "APP")).channel())
                .isEqualTo(Channel.APP);
    }

    @Test
    void theFormReadsASwedishDecimalCommaAndReportsTextThatIsNotANumber() {
        assertThat(FelanmalanForm.degrees("59,3293")).isEqualTo(59.3293);
        assertThat(FelanmalanForm.degrees(" ")).isNull();
        assertThat(FelanmalanForm.degrees("norr om kyrkan")).isNaN();
    }
}
