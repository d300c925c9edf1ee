package se.medborgardialog.intake.web;

/** One offending request field and what is wrong with it, in Swedish; listed under {@code errors} in a problem. */
public record FieldViolation(String field, String message) {
}
