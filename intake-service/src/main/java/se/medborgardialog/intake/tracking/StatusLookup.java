package se.medborgardialog.intake.tracking;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.category.UnitNames;
import se.medborgardialog.intake.felanmalan.FelanmalanProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

/** Finds the status for a code as the citizen typed it, for the API and the page alike. */
@Component
class StatusLookup {

    static final String MALFORMED = "Spårningskoden ska vara 16 tecken i fyra grupper, till exempel "
            + TrackingCodeFormat.EXAMPLE + ".";

    private final CaseStatusStore store;
    private final PublicNames names;

    StatusLookup(CaseStatusStore store, CategoryCatalogue synpunktCategories,
            FelanmalanProperties felanmalanCategories, UnitNames units) {
        this.store = store;
        this.names = new PublicNames(synpunktCategories, felanmalanCategories, units);
    }

    /**
     * @throws InvalidRequestException      when the code cannot be a tracking code (400)
     * @throws UnknownTrackingCodeException when no case follows it (404)
     */
    StatusView find(String typed) {
        return findCase(typed).view();
    }

    /** The case a code follows, as stored and as the citizen sees it. */
    record Found(CaseStatus status, StatusView view) {
    }

    /** As {@link #find}, with the stored view of the case (its id, its category). */
    Found findCase(String typed) {
        String code = TrackingCodeFormat.canonical(typed).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldViolation("trackingCode", MALFORMED))));
        Optional<CaseStatus> status = store.findByCode(code);
        return status.map(found -> new Found(found, StatusView.of(code, found, names)))
                .orElseThrow(UnknownTrackingCodeException::new);
    }
}
