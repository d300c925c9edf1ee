package se.medborgardialog.cases.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.CaseCountsReported.Open;
import se.medborgardialog.contracts.CaseCountsReported.Row;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CountGranularity;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.SynpunktKind;

class CaseCountingTests {

    private static final LocalDate MARCH_1 = LocalDate.parse("2027-03-01");
    private static final LocalDate MARCH_31 = LocalDate.parse("2027-03-31");

    private static Case received(Instant at) {
        return Case.open(aSubmission().receivedAt(at).build(), new Diarienummer("2027-000001"), "stadsmiljo", at);
    }

    private static Row row(String period, String unit, long received, long answered, long closed, long reopened) {
        return new Row(period, CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL, "gata-och-trafik", unit, Channel.WEB,
                received, answered, closed, reopened);
    }

    @Test
    void countsEachFigureOnTheStockholmDateOfItsOwnTime() {
        // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm; the answer two days later, closed the same day
        Case aCase = received(Instant.parse("2027-03-01T23:30:00Z"));
        aCase.answer("Svar", "anna", Instant.parse("2027-03-03T22:59:00Z"));
        aCase.close(CaseOutcome.BESVARAT, "anna", Instant.parse("2027-03-03T23:00:00Z"));
        CaseCounting counting = new CaseCounting(MARCH_1, MARCH_31, CountGranularity.DAY);

        counting.add(aCase);

        assertThat(counting.counts().rows()).containsExactly(
                row("2027-03-02", "stadsmiljo", 1, 0, 0, 0),
                row("2027-03-03", "stadsmiljo", 0, 1, 0, 0),
                row("2027-03-04", "stadsmiljo", 0, 0, 1, 0));
        assertThat(counting.counts().open()).isEmpty();
    }

    @Test
    void countsAForwardedCaseInTheUnitThatHasItNowAndOnlyItsFirstAnswer() {
        Case aCase = received(Instant.parse("2027-03-02T09:00:00Z"));
        aCase.answer("Svar", "anna", Instant.parse("2027-03-02T10:00:00Z"));
        aCase.close(CaseOutcome.BESVARAT, "anna", Instant.parse("2027-03-02T11:00:00Z"));
        aCase.reopen("Medborgaren hörde av sig igen", "anna", Instant.parse("2027-03-03T10:00:00Z"));
        aCase.forward("medborgarservice", "Fel enhet", "anna", Instant.parse("2027-03-04T10:00:00Z"));
        aCase.answer("Nytt svar", "bertil", Instant.parse("2027-03-05T10:00:00Z"));
        CaseCounting counting = new CaseCounting(MARCH_1, MARCH_31, CountGranularity.MONTH);

        counting.add(aCase);

        assertThat(counting.counts().rows()).containsExactly(row("2027-03", "medborgarservice", 1, 1, 1, 1));
        assertThat(counting.counts().open()).containsExactly(new Open(CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL,
                "gata-och-trafik", "medborgarservice", Channel.WEB, 1));
    }

    @Test
    void aReopeningOfAnAnsweredCaseNeverClosedIsNoReopeningAndTheCaseIsOpenOnce() {
        Case aCase = received(Instant.parse("2027-03-02T09:00:00Z"));
        aCase.answer("Svar", "anna", Instant.parse("2027-03-02T10:00:00Z"));
        aCase.reopen("Svaret räckte inte", "anna", Instant.parse("2027-03-03T10:00:00Z"));
        CaseCounting counting = new CaseCounting(MARCH_1, MARCH_31, CountGranularity.MONTH);

        counting.add(aCase);

        assertThat(counting.counts().rows()).containsExactly(row("2027-03", "stadsmiljo", 1, 1, 0, 0));
        assertThat(counting.counts().open()).containsExactly(new Open(CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL,
                "gata-och-trafik", "stadsmiljo", Channel.WEB, 1));
    }

    @Test
    void countsEveryClosingAndReopeningAndWhatWasOpenAtThePeriodsEnd() {
        Case closedTwice = received(Instant.parse("2027-02-20T09:00:00Z"));
        closedTwice.close(CaseOutcome.INGEN_ATGARD, "anna", Instant.parse("2027-03-10T09:00:00Z"));
        closedTwice.reopen("Ny uppgift", "anna", Instant.parse("2027-03-11T09:00:00Z"));
        closedTwice.close(CaseOutcome.INGEN_ATGARD, "anna", Instant.parse("2027-03-12T09:00:00Z"));
        closedTwice.reopen("Igen", "anna", Instant.parse("2027-04-02T09:00:00Z"));
        Case receivedAfter = received(Instant.parse("2027-04-01T08:00:00Z"));
        CaseCounting counting = new CaseCounting(MARCH_1, MARCH_31, CountGranularity.DAY);

        counting.add(closedTwice);
        counting.add(receivedAfter);

        assertThat(counting.counts().rows()).containsExactly(
                row("2027-03-10", "stadsmiljo", 0, 0, 1, 0),
                row("2027-03-11", "stadsmiljo", 0, 0, 0, 1),
                row("2027-03-12", "stadsmiljo", 0, 0, 1, 0));
        // closed at the end of March; the April reopening and the April case are after it
        assertThat(counting.counts().open()).isEmpty();
    }

    @Test
    void leavesOutWhatHappenedOutsideThePeriod() {
        Case before = received(Instant.parse("2027-02-28T22:59:00Z")); // 23:59 on 28 February in Stockholm
        Case after = received(Instant.parse("2027-03-31T22:00:00Z")); // 00:00 on 1 April (summer time)
        CaseCounting counting = new CaseCounting(MARCH_1, MARCH_31, CountGranularity.DAY);

        counting.add(before);
        counting.add(after);

        assertThat(counting.counts().rows()).isEmpty();
        assertThat(counting.counts().open()).extracting(Open::open).containsExactly(1L);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new CaseCounting(MARCH_31, MARCH_1, CountGranularity.DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
