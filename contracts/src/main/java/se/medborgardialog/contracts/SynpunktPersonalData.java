package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The personal part of a {@link SynpunktSubmitted}, which travels sealed in its {@code sealed} field: encrypted
 * (AES-256-GCM, {@code pd1:<key id>:<base64>}) as this record's JSON, so Kafka's log holds no readable personal data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SynpunktPersonalData(String text, Contact contact) {
}
