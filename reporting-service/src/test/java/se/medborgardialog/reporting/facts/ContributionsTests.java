package se.medborgardialog.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.workingdays.SwedishCalendar;

class ContributionsTests {

    private final Contributions contributions = new Contributions(Map.of("stadsmiljo", "samhallsbyggnadsnamnden"),
            new SwedishCalendar(List.of(new SwedishCalendar.NonWorkingDay(LocalDate.of(2027, 5, 7), "Klämdag"))),
            Set.of("first-answer"));
    private final CaseId id = new CaseId(UUID.randomUUID());

    @Test
    void everyFigureFallsOnTheStockholmDateOfItsOwnEventAroundMidnightAndTheDaylightSavingDays() {
        assertThat(dateOfReceipt("2026-12-31T23:30:00Z")).isEqualTo("2027-01-01");
        // spring forward, 28 March 2027: UTC+1 until 01:00 UTC, then UTC+2
        assertThat(dateOfReceipt("2027-03-27T23:30:00Z")).isEqualTo("2027-03-28");
        assertThat(dateOfReceipt("2027-03-28T21:30:00Z")).isEqualTo("2027-03-28");
        assertThat(dateOfReceipt("2027-03-28T22:30:00Z")).isEqualTo("2027-03-29");
        // fall back, 31 October 2027
        assertThat(dateOfReceipt("2027-10-30T22:30:00Z")).isEqualTo("2027-10-31");
        assertThat(dateOfReceipt("2027-10-31T22:30:00Z")).isEqualTo("2027-10-31");
        assertThat(dateOfReceipt("2027-10-31T23:30:00Z")).isEqualTo("2027-11-01");
    }

    @Test
    void timeToFirstAnswerCountsWorkingDaysAfterTheReceiptDateAndTheMunicipalitysClosedDays() {
        // Wednesday 5 May → Monday 10 May 2027: Thursday 6 is Kristi himmelsfärd, Friday 7 closed, so only Monday
        assertThat(contributions.workingDaysBetween(Instant.parse("2027-05-05T08:00:00Z"),
                Instant.parse("2027-05-10T08:00:00Z"))).isEqualTo(1);
        assertThat(contributions.workingDaysBetween(Instant.parse("2027-05-03T08:00:00Z"),
                Instant.parse("2027-05-03T15:00:00Z"))).isZero();
    }

    @Test
    void aForwardingMovesEveryCountOfTheCaseToItsNewUnitAndAReopeningAddsItBackToTheBacklog() {
        CaseFact fact = CaseFact.empty(id.toString()).opened(opened("2027-02-01T08:00:00Z"))
                .answered(new CaseAnswered(id, "stadsmiljo", Instant.parse("2027-02-01T10:30:00Z"), "anna"))
                .closed(new CaseClosed(id, "stadsmiljo", CaseOutcome.BESVARAT, Instant.parse("2027-02-02T08:00:00Z"), "anna"));
        Map<String, Map<String, Long>> before = contributions.of(fact);
        CaseFact moved = fact.forwarded(new CaseForwarded(id, "stadsmiljo", "omsorg", "anna",
                Instant.parse("2027-02-01T09:00:00Z")))
                .reopened(new CaseReopened(id, "omsorg", "anna", Instant.parse("2027-02-03T08:00:00Z")));

        assertThat(before).containsEntry("2027-02-01|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB",
                Map.of("received", 1L, "answered", 1L, "fa_wd:0", 1L, "fa_h:2", 1L));
        Map<String, Map<String, Long>> delta = Contributions.delta(before, contributions.of(moved));
        assertThat(delta.get("2027-02-01|SYNPUNKT|KLAGOMAL|gata-och-trafik|omsorg||WEB")).containsEntry("received", 1L);
        assertThat(delta.get("2027-02-01|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB"))
                .containsEntry("received", -1L);
        assertThat(delta.get("2027-02-03|SYNPUNKT|KLAGOMAL|gata-och-trafik|omsorg||WEB")).isEqualTo(Map.of("reopened", 1L));
        assertThat(Contributions.delta(contributions.of(moved), contributions.of(moved))).isEmpty();
    }

    @Test
    void reopeningAnAnsweredCaseThatWasNeverClosedDoesNotAddItToTheBacklogAgain() {
        CaseFact fact = CaseFact.empty(id.toString()).opened(opened("2027-02-01T08:00:00Z"))
                .answered(new CaseAnswered(id, "stadsmiljo", Instant.parse("2027-02-01T10:30:00Z"), "anna"))
                .reopened(new CaseReopened(id, "stadsmiljo", "anna", Instant.parse("2027-02-02T08:00:00Z")))
                .closed(new CaseClosed(id, "stadsmiljo", CaseOutcome.BESVARAT, Instant.parse("2027-02-03T08:00:00Z"), "anna"))
                .reopened(new CaseReopened(id, "stadsmiljo", "anna", Instant.parse("2027-02-04T08:00:00Z")));

        Map<String, Map<String, Long>> cells = contributions.of(fact);

        assertThat(cells).doesNotContainKey("2027-02-02|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB");
        assertThat(cells.get("2027-02-03|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB"))
                .isEqualTo(Map.of("closed", 1L));
        assertThat(cells.get("2027-02-04|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB"))
                .isEqualTo(Map.of("reopened", 1L));
    }

    @Test
    void onlyAReopeningAfterAClosingCountsAndEachClosingOnce() {
        Instant t1 = Instant.parse("2027-02-01T08:00:00Z");
        Instant t2 = Instant.parse("2027-02-02T08:00:00Z");
        Instant t3 = Instant.parse("2027-02-03T08:00:00Z");
        Instant t4 = Instant.parse("2027-02-04T08:00:00Z");

        assertThat(Contributions.reopeningsOfClosedCase(List.of(), List.of(t1))).isEmpty();
        assertThat(Contributions.reopeningsOfClosedCase(List.of(t1), List.of(t2, t3))).containsExactly(t2);
        assertThat(Contributions.reopeningsOfClosedCase(List.of(t3, t1), List.of(t4, t2))).containsExactly(t2, t4);
        assertThat(Contributions.reopeningsOfClosedCase(List.of(t2), List.of(t1, t3))).containsExactly(t3);
    }

    private String dateOfReceipt(String receivedAt) {
        return contributions.of(CaseFact.empty(id.toString()).opened(opened(receivedAt))).keySet().iterator().next()
                .substring(0, 10);
    }

    private CaseOpened opened(String receivedAt) {
        return new CaseOpened(id, new SubmissionId(id.value()), null, SynpunktKind.KLAGOMAL, "gata-och-trafik",
                Channel.WEB, "stadsmiljo", Instant.parse(receivedAt), Instant.parse(receivedAt).plusSeconds(5),
                CaseType.SYNPUNKT, null);
    }
}
