package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The personal part of a {@link FelanmalanSubmitted}, sealed in its {@code sealed} field like {@link SynpunktPersonalData}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FelanmalanPersonalData(String description, Contact contact) {
}
