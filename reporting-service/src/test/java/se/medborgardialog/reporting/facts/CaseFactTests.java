package se.medborgardialog.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;

class CaseFactTests {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");
    private static final CaseId CASE = new CaseId(java.util.UUID.randomUUID());

    @Test
    void aCaseJustReceivedCountsAsReceivedAndOpen() {
        assertThat(received().counts()).isEqualTo(new Counts(1, 0, 0, 0, 1));
    }

    @Test
    void aCaseAnsweredInTimeAndClosedCountsAsAnsweredWithinDeadlineAndNoLongerOpen() {
        CaseFact fact = received().answered(answered(3600)).deadlineMet(met(3600), true).closed(closed(7200));

        assertThat(fact.counts()).isEqualTo(new Counts(1, 1, 1, 0, 0));
    }

    @Test
    void aBreachedCaseAnsweredLateCountsAsAnsweredAndBreachedButNotWithinDeadline() {
        CaseFact fact = received().answered(answered(7 * 86_400)).deadlineBreached(breached(), true);

        assertThat(fact.counts()).isEqualTo(new Counts(1, 1, 0, 1, 1));
    }

    @Test
    void aFactWhoseCaseOpenedHasNotArrivedYetCountsNothing() {
        CaseFact partial = CaseFact.empty(CASE.toString()).deadlineMet(met(60), true);

        assertThat(partial.counts()).isEqualTo(Counts.NONE);
    }

    @Test
    void everyTransitionIsIdempotentAndTheyCommute() {
        CaseFact one = received().answered(answered(3600)).deadlineBreached(breached(), true).deadlineMet(met(3600), true)
                .closed(closed(7200));
        CaseFact other = CaseFact.empty(CASE.toString()).closed(closed(7200)).closed(closed(7200))
                .deadlineMet(met(3600), true).answered(answered(9000)).deadlineBreached(breached(), true)
                .answered(answered(3600)).opened(opened()).opened(opened());

        assertThat(one.sameCaseAs(other)).isTrue();
        assertThat(one.deadlineOutcome()).isEqualTo(DeadlineOutcome.BREACHED);
        assertThat(one.answered(answered(3600)).sameCaseAs(one)).isTrue();
    }

    @Test
    void countsAddUpFieldByField() {
        assertThat(new Counts(1, 1, 1, 0, 0).plus(new Counts(1, 0, 0, 1, 1))).isEqualTo(new Counts(2, 1, 1, 1, 1));
    }

    @Test
    void theDeltaBetweenTwoContributionsLeavesOutWhatDidNotChange() {
        Map<String, Map<String, Long>> delta = Contributions.delta(
                Map.of("a", Map.of("received", 1L), "b", Map.of("answered", 1L)),
                Map.of("a", Map.of("received", 1L), "c", Map.of("answered", 1L)));

        assertThat(delta).isEqualTo(Map.of("b", Map.of("answered", -1L), "c", Map.of("answered", 1L)));
        assertThat(Contributions.delta(Map.of("a", Map.of("x", 2L)), Map.of("a", Map.of("x", 2L)))).isEmpty();
    }

    static CaseOpened opened() {
        return new CaseOpened(CASE, new SubmissionId(CASE.value()), null, SynpunktKind.KLAGOMAL, "gata-och-trafik",
                Channel.WEB, "stadsmiljo", RECEIVED, RECEIVED.plusSeconds(5), CaseType.SYNPUNKT, null);
    }

    private static CaseFact received() {
        return CaseFact.empty(CASE.toString()).opened(opened());
    }

    private static CaseAnswered answered(long afterSeconds) {
        return new CaseAnswered(CASE, "stadsmiljo", RECEIVED.plusSeconds(afterSeconds), "anna");
    }

    private static CaseClosed closed(long afterSeconds) {
        return new CaseClosed(CASE, "stadsmiljo", CaseOutcome.BESVARAT, RECEIVED.plusSeconds(afterSeconds), "anna");
    }

    private static DeadlineMet met(long afterSeconds) {
        return new DeadlineMet(CASE, "first-answer", "stadsmiljo", RECEIVED.plusSeconds(2 * 86_400),
                RECEIVED.plusSeconds(afterSeconds));
    }

    private static DeadlineBreached breached() {
        return new DeadlineBreached(CASE, "first-answer", "stadsmiljo", RECEIVED.plusSeconds(2 * 86_400),
                RECEIVED.plusSeconds(2 * 86_400 + 60));
    }

    static Set<String> none() {
        return Set.of();
    }
}
