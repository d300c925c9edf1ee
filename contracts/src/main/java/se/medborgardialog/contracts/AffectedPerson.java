package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Personal data, protected: the person an avvikelse concerns. Every field may be null.
 *
 * @param personnummer      12 digits without separator, validated (check digit, real date; samordningsnummer too)
 * @param protectedIdentity the person has skyddade personuppgifter: never show name or number outside the case
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AffectedPerson(String name, String personnummer, boolean protectedIdentity) {
}
