package se.medborgardialog.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

class CaseFactTests {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aCaseJustReceivedCountsAsReceivedAndOpen() {
        assertThat(received().counts()).isEqualTo(new Counts(1, 0, 0, 0, 1));
    }

    @Test
    void aCaseAnsweredInTimeAndClosedCountsAsAnsweredWithinDeadlineAndNoLongerOpen() {
        CaseFact fact = with(received(), RECEIVED.plusSeconds(3600), RECEIVED.plusSeconds(7200), DeadlineOutcome.MET);

        assertThat(fact.counts()).isEqualTo(new Counts(1, 1, 1, 0, 0));
    }

    @Test
    void aBreachedCaseAnsweredLateCountsAsAnsweredAndBreachedButNotWithinDeadline() {
        CaseFact fact = with(received(), RECEIVED.plusSeconds(7 * 86_400), null, DeadlineOutcome.BREACHED);

        assertThat(fact.counts()).isEqualTo(new Counts(1, 1, 0, 1, 1));
    }

    @Test
    void aCaseClosedWithoutAnAnswerIsNeitherAnsweredNorOpen() {
        CaseFact fact = with(received(), null, RECEIVED.plusSeconds(60), DeadlineOutcome.MET);

        assertThat(fact.counts()).isEqualTo(new Counts(1, 0, 1, 0, 0));
    }

    @Test
    void aFactWhoseCaseOpenedHasNotArrivedYetCountsNothing() {
        CaseFact partial = new CaseFact("c", null, null, null, null, null, null, null,
                RECEIVED.plusSeconds(60), null, RECEIVED.plusSeconds(86_400), DeadlineOutcome.MET, null);

        assertThat(partial.counts()).isEqualTo(Counts.NONE);
    }

    @Test
    void countsAddUpFieldByField() {
        assertThat(new Counts(1, 1, 1, 0, 0).plus(new Counts(1, 0, 0, 1, 1))).isEqualTo(new Counts(2, 1, 1, 1, 1));
    }

    private static CaseFact received() {
        return new CaseFact("c", "2026-11-23", RECEIVED, SynpunktKind.KLAGOMAL, "gata-och-trafik", "stadsmiljo",
                Channel.WEB, RECEIVED, null, null, null, null, null);
    }

    private static CaseFact with(CaseFact fact, Instant answeredAt, Instant closedAt, DeadlineOutcome outcome) {
        return new CaseFact(fact.id(), fact.receivedDate(), fact.receivedAt(), fact.kind(), fact.category(), fact.unit(),
                fact.channel(), fact.openedAt(), answeredAt, closedAt, fact.dueAt(), outcome, fact.forwardedAt());
    }
}
