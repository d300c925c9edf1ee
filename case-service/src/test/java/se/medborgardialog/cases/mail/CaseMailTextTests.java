package se.medborgardialog.cases.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;

class CaseMailTextTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void namesTheSynpunktsDiarienummerInTheSubjectAndCarriesTheAnswerAndTrackingCodeInTheBody() {
        var submission = aSubmission().withContact(new Contact("Åsa Öberg", "asa@example.se", null)).build();
        Case aCase = Case.open(submission, new Diarienummer("2026-000123"), "stadsmiljo", NOW);
        aCase.answer("  Gatlampan på Storgatan byts på måndag.\n", "anna", NOW);

        CaseMailText text = CaseMailText.answer(aCase, aCase.answer());

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

        assertThat(CaseMailText.answer(aCase, aCase.answer()).body()).startsWith("Hej!\n\n");
    }

    @Test
    void asksTheQuestionNamingTheCaseAndPointsToTheStatusPageWithTheTrackingCode() {
        var submission = aSubmission().withContact(new Contact("Åsa Öberg", "asa@example.se", null)).build();
        Case aCase = Case.open(submission, new Diarienummer("2026-000125"), "stadsmiljo", NOW);
        aCase.askCitizen("Vilken lyktstolpe gäller det?", "anna", NOW);

        CaseMailText text = CaseMailText.question(aCase, aCase.questions().get(0), "https://e-tjanster.exempel.se/");

        String code = submission.trackingCode().value();
        assertThat(text.subject()).isEqualTo("Fråga om din synpunkt 2026-000125");
        assertThat(text.body())
                .startsWith("Hej Åsa Öberg!\n\nVi behöver veta mer för att kunna handlägga din synpunkt med "
                        + "diarienummer 2026-000125 (spårningskod " + code + ").\n\nVilken lyktstolpe gäller det?")
                .contains("https://e-tjanster.exempel.se/status?kod=" + code, "per telefon eller brev")
                .doesNotContain("asa@example.se", "anna");
    }
}
