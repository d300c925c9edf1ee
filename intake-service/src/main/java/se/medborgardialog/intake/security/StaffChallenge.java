package se.medborgardialog.intake.security;

/**
 * The {@code WWW-Authenticate} challenge of the staff login the API takes: {@code Bearer} once the OIDC provider is
 * configured, {@code Basic} for the development users before. For a feature that finds out itself that a request
 * needs a staff login (a synpunkt of a staff channel) and answers 401 with the same challenge as the security chain.
 */
public record StaffChallenge(String value) {
}
