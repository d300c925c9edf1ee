package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineLabelTests {

    private static final Duration ONE_DAY = Duration.ofDays(1);
    private static final Instant DUE = Instant.parse("2026-03-04T22:59:59.999999999Z");

    private static CaseDeadline deadline(DeadlineStatus status) {
        return new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), DUE, status);
    }

    @Test
    void showsNothingBeforeADeadlineIsKnown() {
        assertThat(DeadlineLabel.of(null, null, DUE, ONE_DAY)).isNull();
    }

    @Test
    void isOnTrackWhileMoreThanTheDueSoonWindowRemains() {
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), null, DUE.minus(Duration.ofDays(2)), ONE_DAY))
                .isEqualTo("i-tid");
    }

    @Test
    void isDueSoonWithinTheWindow() {
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), null, DUE.minus(Duration.ofHours(23)), ONE_DAY))
                .isEqualTo("snart-forfallen");
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), null, DUE.minus(Duration.ofHours(23)),
                Duration.ofHours(12))).isEqualTo("i-tid");
    }

    @Test
    void isBreachedOncePastDueEvenBeforeSlaServiceSaysSo() {
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), null, DUE.plusSeconds(1), ONE_DAY))
                .isEqualTo("forfallen");
    }

    @Test
    void followsSlaServicesVerdictOnceTheClockStopped() {
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.MET), null, DUE.plusSeconds(99), ONE_DAY))
                .isEqualTo("uppfylld");
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.BREACHED), null, DUE.minusSeconds(99), ONE_DAY))
                .isEqualTo("forfallen");
    }

    @Test
    void judgesAnAnsweredCaseByWhenItWasAnswered() {
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), DUE.minusSeconds(1), DUE.plusSeconds(99),
                ONE_DAY)).isEqualTo("uppfylld");
        assertThat(DeadlineLabel.of(deadline(DeadlineStatus.RUNNING), DUE.plusSeconds(1), DUE.plusSeconds(99),
                ONE_DAY)).isEqualTo("forfallen");
    }

    @Test
    void showsPausedInsteadOfCountingDownWhileTheClockWaitsForTheCitizen() {
        CaseDeadline paused = new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), DUE,
                DeadlineStatus.RUNNING, DUE.minus(Duration.ofDays(1)));

        assertThat(DeadlineLabel.of(paused, null, DUE.minus(Duration.ofHours(2)), ONE_DAY)).isEqualTo("pausad");
        assertThat(DeadlineLabel.of(paused, null, DUE.plus(Duration.ofDays(3)), ONE_DAY)).isEqualTo("pausad");
    }

    @Test
    void aCaseAnsweredWhileItsClockIsPausedIsInTime() {
        CaseDeadline paused = new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), DUE,
                DeadlineStatus.RUNNING, DUE.minus(Duration.ofDays(1)));

        assertThat(DeadlineLabel.of(paused, DUE.plus(Duration.ofDays(2)), DUE.plus(Duration.ofDays(2)), ONE_DAY))
                .isEqualTo("uppfylld");
    }

    @Test
    void aStoppedClockFollowsSlaServicesVerdictEvenIfAPauseWasReported() {
        CaseDeadline breached = new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), DUE,
                DeadlineStatus.BREACHED, DUE.minus(Duration.ofDays(1)));

        assertThat(breached.isPaused()).isFalse();
        assertThat(DeadlineLabel.of(breached, null, DUE.plusSeconds(1), ONE_DAY)).isEqualTo("forfallen");
    }
}
