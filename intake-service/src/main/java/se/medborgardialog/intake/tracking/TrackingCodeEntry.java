package se.medborgardialog.intake.tracking;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which case a tracking code follows; the canonical code is the id, so the store keeps each code once. */
@Document(TrackingCodeEntry.COLLECTION)
record TrackingCodeEntry(@Id String code, String caseId) {

    static final String COLLECTION = "tracking_codes";
}
