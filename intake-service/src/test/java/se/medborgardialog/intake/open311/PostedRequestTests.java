package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.felanmalan.FelanmalanRequest;
import se.medborgardialog.intake.web.FieldViolation;

class PostedRequestTests {

    @Test
    void becomesTheFelanmalanRequestOfTheJsonApiOnTheAppChannel() {
        FelanmalanRequest request = new PostedRequest("potthal", "59.3326", " 18.0649 ", "Storgatan 12", null,
                "Djupt hål.", "eva@example.se", "Eva", " Lind ", "070-123 45 67", "https://example.se/bild.jpg")
                .toFelanmalan();

        assertThat(request.category()).isEqualTo("potthal");
        assertThat(request.description()).isEqualTo("Djupt hål.");
        assertThat(request.location()).isEqualTo(new FelanmalanRequest.LocationRequest(59.3326, 18.0649, "Storgatan 12"));
        assertThat(request.contact()).isEqualTo(new FelanmalanRequest.ContactRequest("Eva Lind", "eva@example.se",
                "070-123 45 67"));
        assertThat(request.channel()).isEqualTo("app");
    }

    @Test
    void missingNamesAndCoordinatesAreNotGivenAndTextForADegreeIsNotANumber() {
        FelanmalanRequest request = new PostedRequest("potthal", "", "norr", null, null, "Hål.", null, null, " ",
                null, null).toFelanmalan();

        assertThat(request.location().latitude()).isNull();
        assertThat(request.location().longitude()).isNaN();
        assertThat(request.contact().name()).isNull();
    }

    @Test
    void anAddressIdAloneIsRefusedNamingItBecauseThereIsNoAddressRegister() {
        assertThatThrownBy(() -> new PostedRequest("potthal", null, null, " ", "A-123", "Hål.", null, null, null,
                null, null).toFelanmalan())
                .isInstanceOfSatisfying(Open311Exception.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refused.descriptions()).singleElement().asString().startsWith("address_id: ");
                });
        // With an address string as well, the address id is simply not used.
        assertThat(new PostedRequest("potthal", null, null, "Storgatan 1", "A-123", "Hål.", null, null, null, null,
                null).toFelanmalan().location().address()).isEqualTo("Storgatan 1");
    }

    @Test
    void theValidatorsFieldNamesBecomeOpen311Names() {
        assertThat(PostedRequest.describe(List.of(
                new FieldViolation("category", "Okänd kategori."),
                new FieldViolation("location.latitude", "Fel latitud."),
                new FieldViolation("location.longitude", "Fel longitud."),
                new FieldViolation("location.address", "För lång."),
                new FieldViolation("location", "Ange plats."),
                new FieldViolation("contact.name", "För långt."),
                new FieldViolation("contact.email", "Fel e-post."),
                new FieldViolation("Idempotency-Key", "Tom."))))
                .containsExactly(
                        "service_code: Okänd kategori.",
                        "lat: Fel latitud.",
                        "long: Fel longitud.",
                        "address_string: För lång.",
                        "lat, long, address_string: Ange plats.",
                        "first_name, last_name: För långt.",
                        "email: Fel e-post.",
                        "Idempotency-Key: Tom.");
    }
}
