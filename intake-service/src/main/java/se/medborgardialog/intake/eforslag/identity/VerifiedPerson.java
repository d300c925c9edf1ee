package se.medborgardialog.intake.eforslag.identity;

import se.medborgardialog.personaldata.Personnummer;

/** A verified person and the kommun (kommunkod) where they are folkbokförd. Never logged, never stored. */
public record VerifiedPerson(Personnummer personnummer, String folkbokforingskommun) {

    @Override
    public String toString() {
        return "VerifiedPerson[redacted]";
    }
}
