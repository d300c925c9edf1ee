package se.medborgardialog.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;

class AnswerMailTextTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void namesTheSynpunktsDiarienummerInTheSubjectAndCarriesTheAnswerAndTrackingCodeInTheBody() {
        var submission = aSubmission().withContact(new Contact("Åsa Öberg", "asa@example.se", null)).build();
        Case aCase = Case.open(submission, new Diarienummer("2026-000123"), "stadsmiljo", NOW);
        aCase.answer("  Gatlampan på Storgatan byts på måndag.\n", "anna", NOW);

        AnswerMailText text = AnswerMailText.of(aCase);

        assertThat(text.subject()).isEqualTo("Svar på din synpunkt 2026-000123");
        assertThat(text.body())
                .startsWith("Hej Åsa Öberg!\n\nHär är svaret på din synpunkt med diarienummer 2026-000123.\n\n"
                        + "Gatlampan på Storgatan byts på måndag.\n\n")
                .contains("spårningskod " + submission.trackingCode().value())
                .doesNotContain("asa@example.se", "anna");
    }

    @Test
    void greetsWithoutANameWhenTheCitizenGaveNone() {
        var submission = aSubmission().withContact(new Contact(null, "anonym@example.se", null)).build();
        Case aCase = Case.open(submission, new Diarienummer("2026-000124"), "stadsmiljo", NOW);
        aCase.answer("Tack!", "anna", NOW);

        assertThat(AnswerMailText.of(aCase).body()).startsWith("Hej!\n\n");
    }
}
