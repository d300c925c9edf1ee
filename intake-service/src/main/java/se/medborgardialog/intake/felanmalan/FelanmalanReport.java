package se.medborgardialog.intake.felanmalan;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One felanmälan as intake read it back from Kafka: what duplicate detection (and the Open311 view) work from.
 * Written only by {@link FelanmalanReports}; never holds the reporter's contact details.
 *
 * @param submissionId the report's own id (the document id)
 * @param caseId       the case that handles it: its own submission id, or the case it was linked to
 * @param duplicateOf  the case it was linked to, or null for a report that opened its own case. Only reports
 *                     with a null duplicateOf are candidates for linking.
 * @param lat          WGS84 latitude, null when only an address was given
 * @param lon          WGS84 longitude, null when only an address was given
 * @param open         false once the case was closed (CaseClosed)
 */
@Document(FelanmalanReport.COLLECTION)
public record FelanmalanReport(
        @Id String submissionId,
        String caseId,
        String trackingCode,
        String category,
        String description,
        @Field(LAT) Double lat,
        @Field(LON) Double lon,
        String address,
        Instant receivedAt,
        String duplicateOf,
        boolean open) {

    public static final String COLLECTION = "felanmalan_reports";
    static final String LAT = "lat";
    static final String LON = "lon";

    boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
