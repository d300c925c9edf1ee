package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The personal part of an {@link AvvikelseReported}, sealed in its {@code sealed} field like {@link SynpunktPersonalData}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvvikelsePersonalData(String whatHappened, String immediateMeasures, AffectedPerson affectedPerson) {
}
