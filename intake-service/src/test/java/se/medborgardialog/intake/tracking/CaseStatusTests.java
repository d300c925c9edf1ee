package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStatusTests {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theFurthestStepReachedIsTheStatusWhateverTheOrderOfTheHistory() {
        CaseStatus status = new CaseStatus("id", "SYNPUNKT", "KLAGOMAL", "ovrigt", T, "KS 2026/7", "medborgarservice",
                "2026-11-25", T.plusSeconds(60), null, null, null, null, null, null, null,
                List.of(new HistoryEntry("besvarad", T.plusSeconds(60), "", null),
                        new HistoryEntry("mottagen", T, "", null)), null);

        assertThat(status.state()).isEqualTo(CaseStatus.State.BESVARAD);
        assertThat(status.history()).extracting(HistoryEntry::type).containsExactly("mottagen", "besvarad");
    }

    @Test
    void aRegisteredCaseSaysItsDiarienummer() {
        CaseStatus status = new CaseStatus("id", null, null, null, null, "KS 2026/7", null, null, null, null, null,
                null, null, null, null, null, null, null);

        assertThat(status.stateInWords()).isEqualTo("Registrerad som KS 2026/7");
    }

    @Test
    void anEforslagSentToTheNamndIsNoLongerJustPublished() {
        CaseStatus status = new CaseStatus("id", "E_FORSLAG", null, null, null, null, null, null, null, null, null,
                T, null, null, T.plusSeconds(5), "kultur-och-fritid", null, null);

        assertThat(status.stateInWords()).isEqualTo("Skickat till nämnden");
    }
}
