package se.medborgardialog.intake.eforslag.identity;

/**
 * What the citizen presented to prove who they are. For the development provider: a typed personnummer and
 * kommunkod. Never logged, never stored.
 */
public record IdentityEvidence(String personnummer, String kommun) {

    @Override
    public String toString() {
        return "IdentityEvidence[redacted]";
    }
}
