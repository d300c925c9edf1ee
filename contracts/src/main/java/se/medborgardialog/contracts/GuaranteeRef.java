package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The guarantee of sla-service's catalogue that governs a clock, at the version in force when the clock started (a
 * later change of the guarantee applies to new cases only).
 *
 * @param id      the guarantee's stable id, e.g. {@code gatubelysning-3-veckor}
 * @param version 1 for the first version, one more for each change
 * @param title   its Swedish title as shown to managers and citizens
 * @param type    what kind of promise it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuaranteeRef(String id, int version, String title, GuaranteeType type) {
}
