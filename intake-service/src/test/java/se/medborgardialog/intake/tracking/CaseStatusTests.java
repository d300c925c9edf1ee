package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        new HistoryEntry("mottagen", T, "", null)), null, null, null, null);

        assertThat(status.state()).isEqualTo(CaseStatus.State.BESVARAD);
        assertThat(status.history()).extracting(HistoryEntry::type).containsExactly("mottagen", "besvarad");
    }

    @Test
    void aRegisteredCaseSaysItsDiarienummer() {
        CaseStatus status = new CaseStatus("id", null, null, null, null, "KS 2026/7", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);

        assertThat(status.stateInWords()).isEqualTo("Registrerad som KS 2026/7");
    }

    @Test
    void anEforslagSentToTheNamndIsNoLongerJustPublished() {
        CaseStatus status = new CaseStatus("id", "E_FORSLAG", null, null, null, null, null, null, null, null, null,
                T, null, null, T.plusSeconds(5), "kultur-och-fritid", null, null, null, null, null);

        assertThat(status.stateInWords()).isEqualTo("Skickat till nämnden");
    }

    @Test
    void aCaseNobodyAskedAboutDoesNotWaitForTheCitizenAndRefusesAReply() {
        CaseStatus status = citizenInfo(null, null, null);

        assertThat(status.citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
        assertThatThrownBy(status::checkMayReply).isInstanceOf(NoQuestionPendingException.class)
                .hasMessage(NoQuestionPendingException.NOT_ASKED);
    }

    @Test
    void aQuestionMakesTheCaseWaitForTheCitizenWhoMayReply() {
        CaseStatus status = citizenInfo(T, null, null);

        assertThat(status.citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.BEGARD);
        assertThatCode(status::checkMayReply).doesNotThrowAnyException();
    }

    @Test
    void aReplyShowsAsSentAndASecondReplyIsRefused() {
        CaseStatus status = citizenInfo(T, null, T.plusSeconds(60));

        assertThat(status.citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.SVAR_SKICKAT);
        assertThatThrownBy(status::checkMayReply).isInstanceOf(NoQuestionPendingException.class)
                .hasMessage(NoQuestionPendingException.ALREADY_REPLIED);
    }

    @Test
    void theInformationReceivedEndsTheWaitWhetherOrNotTheCitizenRepliedOnThePage() {
        assertThat(citizenInfo(T, T.plusSeconds(120), T.plusSeconds(60)).citizenInfo())
                .isEqualTo(CaseStatus.CitizenInfo.NONE);
        // registered by the officer after a phone call, at the very instant of the question
        assertThat(citizenInfo(T, T, null).citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
    }

    @Test
    void aNewQuestionAfterTheLastReplyMakesTheCaseWaitAgain() {
        CaseStatus status = citizenInfo(T.plusSeconds(600), T.plusSeconds(120), T.plusSeconds(60));

        assertThat(status.citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.BEGARD);
    }

    @Test
    void aLinkedReportsCodeSeesNoQuestionPutToTheCasesOwnSubmitter() {
        CaseStatus status = citizenInfo(T, null, null).withoutCitizenInfo();

        assertThat(status.citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
        assertThat(status.id()).isEqualTo("id");
    }

    private static CaseStatus citizenInfo(Instant requested, Instant received, Instant replied) {
        return new CaseStatus("id", "SYNPUNKT", "FRAGA", "ovrigt", T, "KS 2026/7", "medborgarservice", null, null,
                null, null, null, null, null, null, null, List.of(), null, requested, received, replied);
    }
}
