package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.intake.tracking.CaseProgress;

class StatusNotesTests {

    private static final String CASE = "3f0c9a52-6a2e-4a7b-9d43-1c1f0f6a8e01";
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void sayWhereTheCaseStandsInSwedish() {
        assertThat(StatusNotes.of(null, CaseProgress.none(CASE)))
                .isEqualTo("Felanmälan är mottagen och skickas till den som åtgärdar felet.");
        assertThat(StatusNotes.of(null, progress("SBN 2026/77", AT, null, null, null)))
                .isEqualTo("Ärendet är registrerat (diarienummer SBN 2026/77) och ligger hos den som åtgärdar felet.");
        assertThat(StatusNotes.of(null, progress("SBN 2026/77", AT, AT, null, null)))
                .isEqualTo("Ärendet är besvarat (diarienummer SBN 2026/77).");
        assertThat(StatusNotes.of(null, progress("SBN 2026/77", AT, AT, AT, "ATGARDAT")))
                .isEqualTo("Ärendet är avslutat: felet är åtgärdat.");
        assertThat(StatusNotes.of(null, progress(null, null, null, AT, null))).isEqualTo("Ärendet är avslutat.");
    }

    @Test
    void aLinkedReportSaysWhichRequestItFollows() {
        assertThat(StatusNotes.of(CASE, progress("SBN 2026/77", AT, null, AT, "DUBBLETT")))
                .isEqualTo("Samma fel som service request " + CASE + "; den här anmälan följer det ärendet. "
                        + "Ärendet är avslutat: samma fel som en tidigare anmälan.");
    }

    private static CaseProgress progress(String diarienummer, Instant opened, Instant answered, Instant closed,
            String outcome) {
        return new CaseProgress(CASE, diarienummer, "stadsmiljo", opened, answered, closed, outcome, null, null);
    }
}
