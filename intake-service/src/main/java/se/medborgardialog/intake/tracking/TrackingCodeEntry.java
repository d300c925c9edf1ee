package se.medborgardialog.intake.tracking;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which case a tracking code follows; the canonical code is the id, so the store keeps each code once.
 *
 * @param linked true for the code of a report linked to another's case (a duplicate felanmälan): it follows that
 *               case, but the officer's questions go to the case's own submitter, not to this reporter
 */
@Document(TrackingCodeEntry.COLLECTION)
record TrackingCodeEntry(@Id String code, String caseId, Boolean linked) {

    static final String COLLECTION = "tracking_codes";

    boolean linkedReport() {
        return Boolean.TRUE.equals(linked);
    }
}
