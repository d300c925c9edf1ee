package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;

class CaseTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private static Case openCase() {
        return Case.open(aSubmission().build(), new Diarienummer("2026-000001"), "stadsmiljo", NOW);
    }

    @Test
    void opensAsOpenCaseWithTheSubmissionsIdNumberAndHistory() {
        var submission = aSubmission().build();
        Case aCase = Case.open(submission, new Diarienummer("2026-000007"), "stadsmiljo", NOW);

        assertThat(aCase.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(aCase.caseId().value()).isEqualTo(submission.submissionId().value());
        assertThat(aCase.isAnonymous()).isFalse();
        assertThat(aCase.history()).singleElement().satisfies(step -> {
            assertThat(step.what()).contains("2026-000007").contains("stadsmiljo");
            assertThat(step.when()).isEqualTo(NOW);
        });
        CaseOpened opened = aCase.opened();
        assertThat(opened.diarienummer().value()).isEqualTo("2026-000007");
        assertThat(opened.unit()).isEqualTo("stadsmiljo");
        assertThat(opened.openedAt()).isEqualTo(NOW);
    }

    @Test
    void answersAnOpenCaseAndRecordsWhoAndWhen() {
        Case aCase = openCase();

        CaseAnswered answered = aCase.answer("Vi lagar lampan i veckan.", "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(aCase.answer().text()).isEqualTo("Vi lagar lampan i veckan.");
        assertThat(answered.answeredBy()).isEqualTo("anna");
        assertThat(answered.answeredAt()).isEqualTo(LATER);
        assertThat(aCase.history()).last().satisfies(step -> {
            assertThat(step.who()).isEqualTo("anna");
            assertThat(step.what()).isEqualTo("besvarat");
        });
    }

    @Test
    void queuesOneAnswerMailWithAnIdDerivedFromTheCaseWhenTheContactHasAnEmailAddress() {
        Case aCase = openCase();
        Case same = Case.open(aSubmission().build(), new Diarienummer("2026-000001"), "stadsmiljo", NOW);
        assertThat(aCase.answerMail()).isNull();

        aCase.answer("Vi lagar lampan i veckan.", "anna", LATER);

        assertThat(aCase.answerMail().pending()).isTrue();
        assertThat(aCase.answerMail().queuedAt()).isEqualTo(LATER);
        assertThat(aCase.answerMail().mailId())
                .isEqualTo(CaseMail.queued(aCase.caseId().toString(), CaseMail.Purpose.ANSWER, 1, NOW).mailId())
                .isNotEqualTo(CaseMail.queued(same.caseId().toString(), CaseMail.Purpose.ANSWER, 1, NOW).mailId());
    }

    @Test
    void queuesNoAnswerMailForAContactWithOnlyAPhoneNumber() {
        Case aCase = Case.open(aSubmission().withContact(new Contact("Per", " ", "070-123 45 67")).build(),
                new Diarienummer("2026-000002"), "stadsmiljo", NOW);

        aCase.answer("Vi ringer dig.", "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(aCase.answerMail()).isNull();
    }

    @Test
    void refusesToAnswerTwice() {
        Case aCase = openCase();
        aCase.answer("Svar ett", "anna", LATER);

        assertThatThrownBy(() -> aCase.answer("Svar två", "maria", LATER))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining("besvarat");
        assertThat(aCase.answer().text()).isEqualTo("Svar ett");
    }

    @Test
    void refusesToAnswerAClosedCase() {
        Case aCase = openCase();
        aCase.close(CaseOutcome.DUBBLETT, "anna", LATER);

        assertThatThrownBy(() -> aCase.answer("Svar", "anna", LATER))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining("avslutat");
    }

    @Test
    void refusesToAnswerAnAnonymousCase() {
        Case aCase = Case.open(aSubmission().anonymous().build(), new Diarienummer("2026-000002"), "stadsmiljo", NOW);

        assertThatThrownBy(() -> aCase.answer("Svar", "anna", LATER))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining("anonymt");
        assertThat(aCase.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void closesAnAnsweredCaseWithAnyOutcome() {
        Case aCase = openCase();
        aCase.answer("Svar", "anna", LATER);

        CaseClosed closed = aCase.close(CaseOutcome.ATGARDAT, "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.ATGARDAT);
        assertThat(aCase.history()).last().extracting(HistoryEntry::what).isEqualTo("avslutat: åtgärdat");
    }

    @Test
    void closesAnUnansweredCaseOnlyAsDuplicateReferralOrNoAction() {
        for (CaseOutcome outcome : new CaseOutcome[] {CaseOutcome.DUBBLETT, CaseOutcome.HANVISAT,
                CaseOutcome.INGEN_ATGARD}) {
            Case aCase = openCase();
            aCase.close(outcome, "anna", LATER);
            assertThat(aCase.status()).isEqualTo(CaseStatus.CLOSED);
        }
        for (CaseOutcome outcome : new CaseOutcome[] {CaseOutcome.BESVARAT, CaseOutcome.ATGARDAT}) {
            Case aCase = openCase();
            assertThatThrownBy(() -> aCase.close(outcome, "anna", LATER))
                    .isInstanceOf(IllegalCaseTransitionException.class);
            assertThat(aCase.status()).isEqualTo(CaseStatus.OPEN);
        }
    }

    @Test
    void closesAnUnansweredAnonymousCaseAsFixedButNeverAsAnswered() {
        Case fixed = Case.open(aSubmission().anonymous().build(), new Diarienummer("2026-000003"), "stadsmiljo", NOW);
        fixed.close(CaseOutcome.ATGARDAT, "anna", LATER);
        assertThat(fixed.status()).isEqualTo(CaseStatus.CLOSED);

        Case answered = Case.open(aSubmission().anonymous().build(), new Diarienummer("2026-000004"), "stadsmiljo",
                NOW);
        assertThatThrownBy(() -> answered.close(CaseOutcome.BESVARAT, "anna", LATER))
                .isInstanceOf(IllegalCaseTransitionException.class);
    }

    @Test
    void refusesToCloseTwice() {
        Case aCase = openCase();
        aCase.close(CaseOutcome.DUBBLETT, "anna", LATER);

        assertThatThrownBy(() -> aCase.close(CaseOutcome.HANVISAT, "maria", LATER))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining("redan avslutat");
        assertThat(aCase.closure().outcome()).isEqualTo(CaseOutcome.DUBBLETT);
    }

    @Test
    void readsOutcomesWithOrWithoutSwedishLetters() {
        assertThat(Outcomes.fromWire("åtgärdat")).contains(CaseOutcome.ATGARDAT);
        assertThat(Outcomes.fromWire("ingen-åtgärd")).contains(CaseOutcome.INGEN_ATGARD);
        assertThat(Outcomes.fromWire("hanvisat")).contains(CaseOutcome.HANVISAT);
        assertThat(Outcomes.fromWire("dubblett")).contains(CaseOutcome.DUBBLETT);
        assertThat(Outcomes.fromWire("besvarat")).contains(CaseOutcome.BESVARAT);
        assertThat(Outcomes.fromWire("kanske")).isEmpty();
        for (CaseOutcome outcome : CaseOutcome.values()) {
            assertThat(Outcomes.fromWire(Outcomes.toWire(outcome))).contains(outcome);
        }
    }
}
