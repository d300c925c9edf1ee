package se.medborgardialog.intake.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * What GeoReport v2 answers with, field for field; {@link Open311Responses} writes the names in snake_case
 * ({@code serviceRequestId} → {@code service_request_id}). Times are W3C date-times with the Stockholm offset.
 */
final class Open311Views {

    private Open311Views() {
    }

    /** One entry of {@code GET services}: {@code type} is always {@code realtime}, {@code metadata} false. */
    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {
    }

    /** {@code GET services/{code}}: felanmälan asks nothing beyond the standard fields, so no attributes. */
    record ServiceDefinition(
            String serviceCode,
            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            List<Object> attributes) {
    }

    /** One service request (a felanmälan) as {@code GET requests} and {@code GET requests/{id}} show it. */
    record ServiceRequest(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            String serviceNotice,
            String requestedDatetime,
            String updatedDatetime,
            String expectedDatetime,
            String address,
            String addressId,
            String zipcode,
            Double lat,
            @JsonProperty("long") Double longitude,
            String mediaUrl) {
    }

    /** The answer to {@code POST requests}: the id at once (the report is on Kafka), and the token too. */
    record Created(String serviceRequestId, String token, String serviceNotice, String accountId) {
    }

    /** {@code GET tokens/{token}}. */
    record Token(String serviceRequestId, String token) {
    }

    record Error(int code, String description) {
    }
}
