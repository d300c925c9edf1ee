package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The personal part of a {@link CitizenReplied}, sealed like {@link SynpunktPersonalData}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CitizenReplyPersonalData(String text) {
}
