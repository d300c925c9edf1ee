package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAssigned;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseLinkType;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.CasesLinked;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Diarienummer;

/** The officer's actions beyond answer and close: each transition, and each refusal leaving the case as it was. */
class CaseActionsTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private static int numbers = 100;

    private static Case openCase() {
        return Case.open(aSubmission().build(), new Diarienummer("2026-000" + numbers++), "stadsmiljo", NOW);
    }

    private static Case anonymousCase() {
        return Case.open(aSubmission().anonymous().build(), new Diarienummer("2026-000" + numbers++), "stadsmiljo",
                NOW);
    }

    private static void assertRefused(Runnable action, String messagePart) {
        assertThatThrownBy(action::run).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void claimsACaseNobodyHasAndAnnouncesTheAssignee() {
        Case aCase = openCase();

        CaseAssigned assigned = aCase.claim("anna", LATER);

        assertThat(aCase.assignee()).isEqualTo("anna");
        assertThat(assigned.assignee()).isEqualTo("anna");
        assertThat(assigned.assignedBy()).isEqualTo("anna");
        assertThat(assigned.unit()).isEqualTo("stadsmiljo");
        assertThat(aCase.history()).last().satisfies(step -> {
            assertThat(step.who()).isEqualTo("anna");
            assertThat(step.when()).isEqualTo(LATER);
        });
    }

    @Test
    void refusesToClaimACaseSomeoneAlreadyHas() {
        Case aCase = openCase();
        aCase.claim("anna", NOW);

        assertRefused(() -> aCase.claim("anna", LATER), "redan ärendet");
        assertRefused(() -> aCase.claim("bertil", LATER), "redan tilldelat anna");
        assertThat(aCase.assignee()).isEqualTo("anna");
    }

    @Test
    void assignsToAColleagueAndReassignsOnlyWhenSomeoneHasIt() {
        Case aCase = openCase();
        assertRefused(() -> aCase.reassign("bertil", "maria", NOW), "inte tilldelat");

        aCase.assign("anna", "maria", NOW);
        assertRefused(() -> aCase.assign("bertil", "maria", NOW), "omfördela");
        assertRefused(() -> aCase.reassign("anna", "maria", NOW), "anna har redan");
        CaseAssigned reassigned = aCase.reassign("bertil", "maria", LATER);

        assertThat(aCase.assignee()).isEqualTo("bertil");
        assertThat(reassigned.assignee()).isEqualTo("bertil");
        assertThat(reassigned.assignedBy()).isEqualTo("maria");
        assertThat(aCase.history()).last().extracting(HistoryEntry::what)
                .isEqualTo("omfördelat från anna till bertil");
    }

    @Test
    void releasesBackToTheQueueWithNoAssigneeInTheEvent() {
        Case aCase = openCase();
        assertRefused(() -> aCase.release("anna", NOW), "inte tilldelat");
        aCase.claim("anna", NOW);

        CaseAssigned released = aCase.release("anna", LATER);

        assertThat(aCase.assignee()).isNull();
        assertThat(released.assignee()).isNull();
    }

    @Test
    void refusesEveryAssignmentOnAClosedCase() {
        Case aCase = openCase();
        aCase.claim("anna", NOW);
        aCase.close(CaseOutcome.DUBBLETT, "anna", NOW);

        assertRefused(() -> aCase.release("anna", LATER), "avslutat");
        assertRefused(() -> aCase.reassign("bertil", "anna", LATER), "avslutat");
        assertRefused(() -> aCase.claim("bertil", LATER), "avslutat");
        assertThat(aCase.assignee()).isEqualTo("anna");
    }

    @Test
    void forwardsToAnotherUnitClearingTheAssigneeAndKeepingTheReasonOutOfTheHistory() {
        Case aCase = openCase();
        aCase.claim("anna", NOW);

        CaseForwarded forwarded = aCase.forward("medborgarservice", "Greta ringde och gäller bygglov", "anna", LATER);

        assertThat(aCase.unit()).isEqualTo("medborgarservice");
        assertThat(aCase.assignee()).isNull();
        assertThat(forwarded.fromUnit()).isEqualTo("stadsmiljo");
        assertThat(forwarded.toUnit()).isEqualTo("medborgarservice");
        assertThat(aCase.forwardings()).singleElement()
                .extracting(Forwarding::reason).isEqualTo("Greta ringde och gäller bygglov");
        assertThat(aCase.history()).last().satisfies(step -> {
            assertThat(step.what()).isEqualTo("överlämnat från stadsmiljo till medborgarservice");
            assertThat(step.who()).isEqualTo("anna");
        });
        assertThat(aCase.history()).noneMatch(step -> step.what().contains("Greta"));
    }

    @Test
    void refusesToForwardToItsOwnUnitOrWhenClosed() {
        Case aCase = openCase();
        assertRefused(() -> aCase.forward("stadsmiljo", null, "anna", NOW), "redan hos stadsmiljo");
        aCase.close(CaseOutcome.HANVISAT, "anna", NOW);
        assertRefused(() -> aCase.forward("medborgarservice", null, "anna", NOW), "avslutat");
        assertThat(aCase.unit()).isEqualTo("stadsmiljo");
    }

    @Test
    void asksTheCitizenAndWaitsWithTheQuestionKeptAndAMailQueued() {
        Case aCase = openCase();

        CitizenInfoRequested requested = aCase.askCitizen("Vilken lyktstolpe?", "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.WAITING_FOR_CITIZEN);
        assertThat(aCase.status().swedish()).isEqualTo("väntar på medborgaren");
        assertThat(aCase.waitingSince()).isEqualTo(LATER);
        assertThat(requested.requestedAt()).isEqualTo(LATER);
        assertThat(aCase.questions()).singleElement().extracting(CitizenQuestion::text).isEqualTo("Vilken lyktstolpe?");
        assertThat(aCase.queuedMails()).singleElement().satisfies(mail -> {
            assertThat(mail.purpose()).isEqualTo(CaseMail.Purpose.QUESTION);
            assertThat(mail.pending()).isTrue();
        });
        assertThat(aCase.history()).last().extracting(HistoryEntry::what).isEqualTo("fråga till medborgaren");
    }

    @Test
    void asksACitizenWithOnlyAPhoneNumberWithoutAMail() {
        Case aCase = Case.open(aSubmission().withContact(new Contact("Per", null, "070-1234567")).build(),
                new Diarienummer("2026-000900"), "stadsmiljo", NOW);

        aCase.askCitizen("Var exakt?", "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.WAITING_FOR_CITIZEN);
        assertThat(aCase.mails()).isEmpty();
    }

    @Test
    void refusesToAskAnAnonymousCitizenOrTwiceOrOnAnAnsweredCase() {
        Case anonymous = anonymousCase();
        assertRefused(() -> anonymous.askCitizen("?", "anna", NOW), "anonymt");
        assertThat(anonymous.status()).isEqualTo(CaseStatus.OPEN);

        Case waiting = openCase();
        waiting.askCitizen("Första frågan", "anna", NOW);
        assertRefused(() -> waiting.askCitizen("Andra frågan", "anna", LATER), "väntar på medborgaren");
        assertThat(waiting.questions()).hasSize(1);

        Case answered = openCase();
        answered.answer("Svar", "anna", NOW);
        assertRefused(() -> answered.askCitizen("?", "anna", LATER), "besvarat");
    }

    @Test
    void theCitizensReplyEndsTheWaitAndOpensTheCaseAgain() {
        Case aCase = openCase();
        aCase.askCitizen("Vilken lyktstolpe?", "anna", NOW);

        CitizenInfoReceived received = aCase.receiveCitizenReply("r-1", "Den vid busshållplatsen.",
                CitizenReply.CITIZEN, LATER, LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(aCase.waitingSince()).isNull();
        assertThat(received.registeredBy()).isEqualTo("medborgare");
        assertThat(received.receivedAt()).isEqualTo(LATER);
        assertThat(aCase.hasReply("r-1")).isTrue();
        assertThat(aCase.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.text()).isEqualTo("Den vid busshållplatsen.");
            assertThat(reply.late()).isFalse();
        });
        assertThat(aCase.history()).noneMatch(step -> step.what().contains("busshållplatsen"));
    }

    @Test
    void refusesToRegisterAReplyWhenTheCaseIsNotWaiting() {
        Case aCase = openCase();

        assertRefused(() -> aCase.receiveCitizenReply("r-1", "Svar", "anna", NOW, NOW), "väntar inte");
        assertThat(aCase.replies()).isEmpty();
    }

    @Test
    void keepsALateReplyWithoutChangingTheStatus() {
        Case aCase = openCase();
        aCase.answer("Svar", "anna", NOW);

        aCase.keepLateCitizenReply("r-9", "Tack, men en sak till.", LATER, LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(aCase.replies()).singleElement().extracting(CitizenReply::late).isEqualTo(true);
    }

    @Test
    void answeringEndsTheWaitForTheCitizen() {
        Case aCase = openCase();
        aCase.askCitizen("?", "anna", NOW);

        aCase.answer("Här är svaret ändå.", "anna", LATER);

        assertThat(aCase.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(aCase.waitingSince()).isNull();
    }

    @Test
    void writesInternalNotesInEveryStatusWithoutTheirTextInTheHistory() {
        Case aCase = openCase();
        aCase.addNote("Ringde Greta, hon återkommer.", "anna", NOW);
        aCase.close(CaseOutcome.INGEN_ATGARD, "anna", NOW);
        aCase.addNote("Stängt efter samtal.", "bertil", LATER);

        assertThat(aCase.notes()).extracting(InternalNote::author).containsExactly("anna", "bertil");
        assertThat(aCase.history()).filteredOn(step -> step.what().equals("intern anteckning")).hasSize(2);
        assertThat(aCase.history()).noneMatch(step -> step.what().contains("Greta"));
    }

    @Test
    void reopensAClosedCaseKeepingEveryAnswerAndAcceptsAnotherAnswer() {
        Case aCase = openCase();
        aCase.answer("Första svaret", "anna", NOW);
        aCase.close(CaseOutcome.BESVARAT, "anna", NOW);

        CaseReopened reopened = aCase.reopen("Medborgaren hörde av sig igen", "anna", LATER);
        aCase.answer("Andra svaret", "anna", LATER);

        assertThat(reopened.reopenedBy()).isEqualTo("anna");
        assertThat(aCase.closure()).isNull();
        assertThat(aCase.answers()).extracting(Answer::text).containsExactly("Första svaret", "Andra svaret");
        assertThat(aCase.firstAnswer().text()).isEqualTo("Första svaret");
        assertThat(aCase.answer().text()).isEqualTo("Andra svaret");
        assertThat(aCase.mails()).extracting(CaseMail::mailId).doesNotHaveDuplicates().hasSize(2);
        assertThat(aCase.notes()).singleElement().extracting(InternalNote::text).asString()
                .contains("Medborgaren hörde av sig igen");
        assertThat(aCase.history()).extracting(HistoryEntry::what).contains("återöppnat")
                .noneMatch(what -> what.contains("hörde av sig"));
    }

    @Test
    void reopensAnAnsweredCaseButNotAnOpenOne() {
        Case answered = openCase();
        answered.answer("Svar", "anna", NOW);
        answered.reopen("Fel svar", "anna", LATER);
        assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);

        Case open = openCase();
        assertRefused(() -> open.reopen("?", "anna", LATER), "öppet");
    }

    @Test
    void linksTwoCasesOnceAndNeverACaseToItself() {
        Case aCase = openCase();
        Case other = openCase();

        CasesLinked linked = aCase.linkTo(other, "anna", NOW);

        assertThat(linked.relation()).isEqualTo(CaseLinkType.RELATED);
        assertThat(linked.linkedCaseId()).isEqualTo(other.caseId());
        assertThat(aCase.links()).singleElement().satisfies(link -> {
            assertThat(link.caseId()).isEqualTo(other.caseId().toString());
            assertThat(link.diarienummer()).isEqualTo(other.diarienummer().value());
        });
        assertRefused(() -> aCase.linkTo(other, "anna", LATER), "redan länkade");
        assertRefused(() -> other.linkTo(aCase, "anna", LATER), "redan länkade");
        assertRefused(() -> aCase.linkTo(aCase, "anna", LATER), "sig självt");
        assertThat(aCase.links()).hasSize(1);
        assertThat(other.links()).isEmpty();
    }

    @Test
    void mergesADuplicateClosingItAsDubblettAfterTheLink() {
        Case duplicate = openCase();
        Case original = openCase();

        Case.Merged merged = duplicate.mergeInto(original, "anna", LATER);

        assertThat(merged.linked().relation()).isEqualTo(CaseLinkType.DUPLICATE_OF);
        assertThat(merged.closed().outcome()).isEqualTo(CaseOutcome.DUBBLETT);
        assertThat(duplicate.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(duplicate.closure().outcome()).isEqualTo(CaseOutcome.DUBBLETT);
        assertThat(LinkView.of(original, java.util.List.of(duplicate))).singleElement().satisfies(view -> {
            assertThat(view.relation()).isEqualTo("duplicate");
            assertThat(view.direction()).isEqualTo("incoming");
            assertThat(view.caseId()).isEqualTo(duplicate.caseId().toString());
        });
    }

    @Test
    void refusesToMergeAClosedCaseOrIntoACaseThatIsItselfADuplicate() {
        Case closed = openCase();
        closed.close(CaseOutcome.HANVISAT, "anna", NOW);
        assertRefused(() -> closed.mergeInto(openCase(), "anna", LATER), "avslutat");
        assertThat(closed.links()).isEmpty();

        Case first = openCase();
        Case second = openCase();
        second.mergeInto(first, "anna", NOW);
        Case third = openCase();
        assertRefused(() -> third.mergeInto(second, "anna", LATER), "dubblett av " + first.diarienummer().value());
        assertThat(third.status()).isEqualTo(CaseStatus.OPEN);
    }
}
