package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class Open311ResponsesTests {

    private final Open311Responses responses = new Open311Responses();

    @Test
    void errorsAreAJsonArrayOfCodeAndDescriptionWithTheMatchingStatus() {
        ResponseEntity<byte[]> answer = responses.errors(new Open311Exception(HttpStatus.BAD_REQUEST,
                List.of("lat: Fel.", "long: \"Fel\"."), new HttpHeaders()), Format.JSON);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/json;charset=UTF-8"));
        assertThat(text(answer)).isEqualTo(
                "[{\"code\":400,\"description\":\"lat: Fel.\"},{\"code\":400,\"description\":\"long: \\\"Fel\\\".\"}]");
    }

    @Test
    void errorsInXmlAreAnErrorsElementWithAnErrorPerDescriptionAndKeepTheirHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");

        ResponseEntity<byte[]> answer = responses.errors(new Open311Exception(HttpStatus.SERVICE_UNAVAILABLE,
                List.of("Försök igen <snart>."), headers), Format.XML);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/xml;charset=UTF-8"));
        assertThat(text(answer)).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><errors><error><code>503</code>"
                + "<description>Försök igen &lt;snart>.</description></error></errors>");
    }

    @Test
    void controlCharactersThatXmlCannotHoldAreReplacedInsteadOfFailingTheAnswer() {
        // Found by fuzzing: ?status=<a NUL> echoed into the XML error made the answer itself fail (500).
        ResponseEntity<byte[]> answer = responses.errors(new Open311Exception(HttpStatus.BAD_REQUEST,
                "status: Okänd status 'a\u0000b\u001B<'."), Format.XML);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(answer)).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><errors><error><code>400</code>"
                + "<description>status: Okänd status 'a\uFFFDb\uFFFD&lt;'.</description></error></errors>");
    }

    @Test
    void aListInXmlIsARootWithAnElementPerItemAndNullsAreEmptyElements() {
        ResponseEntity<byte[]> answer = responses.list(HttpStatus.CREATED, Format.XML, "service_requests", "request",
                List.of(new Open311Views.Created("id-1", "TOKEN", null, null)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(text(answer)).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><service_requests><request>"
                + "<service_request_id>id-1</service_request_id><token>TOKEN</token><service_notice/><account_id/>"
                + "</request></service_requests>");
    }

    @Test
    void aServiceRequestHasGeoReportsNamesInJsonWithNullsWritten() {
        ResponseEntity<byte[]> answer = responses.list(HttpStatus.OK, Format.JSON, "service_requests", "request",
                List.of(new Open311Views.ServiceRequest("id-1", "open", null, "Potthål", "potthal", "Hål", "stadsmiljo",
                        null, "2026-11-23T11:00:00+01:00", "2026-11-23T11:00:00+01:00", null, null, null, null, 59.5,
                        18.25, null)));

        assertThat(text(answer)).isEqualTo("[{\"service_request_id\":\"id-1\",\"status\":\"open\",\"status_notes\":null,"
                + "\"service_name\":\"Potthål\",\"service_code\":\"potthal\",\"description\":\"Hål\","
                + "\"agency_responsible\":\"stadsmiljo\",\"service_notice\":null,"
                + "\"requested_datetime\":\"2026-11-23T11:00:00+01:00\",\"updated_datetime\":\"2026-11-23T11:00:00+01:00\","
                + "\"expected_datetime\":null,\"address\":null,\"address_id\":null,\"zipcode\":null,\"lat\":59.5,"
                + "\"long\":18.25,\"media_url\":null}]");
    }

    @Test
    void theFormatOfAnErrorIsThePathsExtensionOrElseJson() {
        assertThat(Format.ofPath("/open311/v2/requests/abc.xml")).isEqualTo(Format.XML);
        assertThat(Format.ofPath("/open311/v2/services.JSON")).isEqualTo(Format.JSON);
        assertThat(Format.ofPath("/open311/v2/services.html")).isEqualTo(Format.JSON);
        assertThat(Format.ofPath("/open311/v2.xml/services")).isEqualTo(Format.JSON);
    }

    private static String text(ResponseEntity<byte[]> answer) {
        return new String(answer.getBody(), StandardCharsets.UTF_8);
    }
}
