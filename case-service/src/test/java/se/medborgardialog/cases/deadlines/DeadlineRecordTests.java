package se.medborgardialog.cases.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.CaseDeadline;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.contracts.CaseId;

class DeadlineRecordTests {

    private static final Instant DUE = Instant.parse("2026-03-04T22:59:59.999999999Z");
    private static final DeadlineRecord SCHEDULED =
            new DeadlineRecord("c:first-answer", "c", "first-answer", LocalDate.parse("2026-03-04"), DUE,
                    DeadlineStatus.RUNNING, null, null);
    private static final DeadlineRecord BREACHED =
            new DeadlineRecord("c:first-answer", "c", "first-answer", null, DUE, DeadlineStatus.BREACHED, null, null);

    @Test
    void endsInTheSameStateWhicheverEventArrivesFirst() {
        DeadlineRecord inOrder = SCHEDULED.merge(BREACHED);
        DeadlineRecord reversed = BREACHED.merge(SCHEDULED);

        assertThat(inOrder).isEqualTo(reversed);
        assertThat(inOrder.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(inOrder.dueDate()).isEqualTo(LocalDate.parse("2026-03-04"));
    }

    @Test
    void changesNothingWhenTheSameEventArrivesAgain() {
        assertThat(SCHEDULED.merge(SCHEDULED)).isEqualTo(SCHEDULED);
        assertThat(BREACHED.merge(BREACHED)).isEqualTo(BREACHED);
    }

    @Test
    void showsTheRunningClockDueSoonestFirst() {
        DeadlineRecord later = new DeadlineRecord("c:answer", "c", "answer", null, DUE.plusSeconds(86_400),
                DeadlineStatus.RUNNING, null, null);
        DeadlineRecord met = new DeadlineRecord("c:ack", "c", "ack", null, DUE.minusSeconds(86_400),
                DeadlineStatus.MET, null, null);

        assertThat(List.of(met, later, SCHEDULED).stream().sorted(DeadlineRecord.MOST_RELEVANT_FIRST).findFirst())
                .contains(SCHEDULED);
    }

    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000003"));
    private static final Instant PAUSED_AT = Instant.parse("2026-03-03T08:00:00Z");
    private static final Instant RESUMED_AT = Instant.parse("2026-03-05T09:00:00Z");
    private static final LocalDate MOVED = LocalDate.parse("2026-03-06");
    private static final Instant MOVED_DUE = Instant.parse("2026-03-06T22:59:59.999999999Z");
    /** What the store keeps, and so what a report holds. */
    private static final Instant DUE_MILLIS = Instant.parse("2026-03-04T22:59:59.999Z");
    private static final Instant MOVED_DUE_MILLIS = Instant.parse("2026-03-06T22:59:59.999Z");

    private static DeadlineRecord scheduled() {
        return DeadlineRecord.reported(CASE, "first-answer", LocalDate.parse("2026-03-04"), DUE, DeadlineStatus.RUNNING,
                null, null);
    }

    private static DeadlineRecord paused(Instant at) {
        return DeadlineRecord.reported(CASE, "first-answer", null, null, DeadlineStatus.RUNNING, at, null);
    }

    private static DeadlineRecord resumed() {
        return DeadlineRecord.reported(CASE, "first-answer", MOVED, MOVED_DUE, DeadlineStatus.RUNNING, null, RESUMED_AT);
    }

    @Test
    void aPausedClockShowsPausedWithItsDeadlineUntouched() {
        DeadlineRecord paused = scheduled().merge(paused(PAUSED_AT));

        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.view()).isEqualTo(new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), DUE_MILLIS,
                DeadlineStatus.RUNNING, PAUSED_AT));
        assertThat(paused.view().isPaused()).isTrue();
    }

    @Test
    void aResumedClockRunsAgainWithTheMovedDeadlineWhicheverOrderTheEventsArriveIn() {
        DeadlineRecord inOrder = scheduled().merge(paused(PAUSED_AT)).merge(resumed());
        DeadlineRecord resumedFirst = resumed().merge(scheduled()).merge(paused(PAUSED_AT));
        DeadlineRecord pausedLast = scheduled().merge(resumed()).merge(paused(PAUSED_AT));

        assertThat(inOrder).isEqualTo(resumedFirst).isEqualTo(pausedLast);
        assertThat(inOrder.isPaused()).isFalse();
        assertThat(inOrder.view())
                .isEqualTo(new CaseDeadline("first-answer", MOVED, MOVED_DUE_MILLIS, DeadlineStatus.RUNNING));
    }

    @Test
    void aSecondPauseAfterAResumePausesAgainAndRedeliveriesChangeNothing() {
        Instant secondPause = RESUMED_AT.plusSeconds(3600);
        DeadlineRecord resumedOnce = scheduled().merge(paused(PAUSED_AT)).merge(resumed());
        DeadlineRecord pausedAgain = resumedOnce.merge(paused(secondPause));

        assertThat(pausedAgain.isPaused()).isTrue();
        assertThat(pausedAgain.view().pausedAt()).isEqualTo(secondPause);
        assertThat(pausedAgain.merge(paused(PAUSED_AT))).isEqualTo(pausedAgain);
        assertThat(pausedAgain.merge(resumed())).isEqualTo(pausedAgain);
        assertThat(resumedOnce.merge(resumed())).isEqualTo(resumedOnce);
    }

    @Test
    void aClockMetWhilePausedShowsMetAtItsLatestDeadline() {
        DeadlineRecord met = DeadlineRecord.reported(CASE, "first-answer", null, DUE, DeadlineStatus.MET, null, null);

        DeadlineRecord merged = scheduled().merge(paused(PAUSED_AT)).merge(met);

        assertThat(merged.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(merged.dueDate()).isEqualTo(LocalDate.parse("2026-03-04"));
        assertThat(merged.view().pausedAt()).isNull();
        assertThat(merged.view().isPaused()).isFalse();
    }

    @Test
    void aRescheduleSetsTheDeadlineItNamesEvenAnEarlierOneAndARedeliveredScheduleDoesNotUndoIt() {
        Instant moved = Instant.parse("2026-03-03T22:59:59.999Z");
        DeadlineRecord reschedule = new DeadlineRecord("c:first-answer", "c", "first-answer",
                LocalDate.parse("2026-03-03"), moved, DeadlineStatus.RUNNING, null, null,
                Instant.parse("2026-03-02T12:00:00Z"));

        DeadlineRecord merged = SCHEDULED.merge(reschedule);

        assertThat(merged.dueAt()).isEqualTo(moved);
        assertThat(merged.dueDate()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(merged.merge(SCHEDULED)).isEqualTo(merged);
        assertThat(merged.merge(reschedule)).isEqualTo(merged);
    }

    @Test
    void aResumeAfterARescheduleMovesTheDeadlineLaterStillWhicheverArrivesFirst() {
        Instant moved = Instant.parse("2026-03-05T22:59:59.999Z");
        Instant resumedDue = Instant.parse("2026-03-09T22:59:59.999Z");
        DeadlineRecord reschedule = new DeadlineRecord("c:first-answer", "c", "first-answer",
                LocalDate.parse("2026-03-05"), moved, DeadlineStatus.RUNNING, null, null,
                Instant.parse("2026-03-02T12:00:00Z"));
        DeadlineRecord resume = new DeadlineRecord("c:first-answer", "c", "first-answer",
                LocalDate.parse("2026-03-09"), resumedDue, DeadlineStatus.RUNNING, null,
                Instant.parse("2026-03-04T08:00:00Z"));

        assertThat(SCHEDULED.merge(reschedule).merge(resume).dueAt()).isEqualTo(resumedDue);
        assertThat(SCHEDULED.merge(resume).merge(reschedule).dueAt()).isEqualTo(resumedDue);
    }
}
