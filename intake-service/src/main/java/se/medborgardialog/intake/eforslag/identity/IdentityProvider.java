package se.medborgardialog.intake.eforslag.identity;

/**
 * Verifies who a citizen is, for submitting and signing e-förslag. In production this is e-legitimation
 * (BankID, Freja); {@link DevelopmentIdentityProvider} stands in for it in development and tests only.
 */
public interface IdentityProvider {

    /**
     * @throws se.medborgardialog.intake.web.InvalidRequestException naming the field when the evidence is invalid
     */
    VerifiedPerson verify(IdentityEvidence evidence);
}
