package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.workingdays.SwedishCalendar;

/** Pausing, resuming and forwarding a clock. Dates in late 2026, times in Stockholm. */
class DeadlinePauseTests {

    private static final SwedishCalendar CALENDAR = new SwedishCalendar();
    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000002"));

    private static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant endOf(LocalDate date) {
        return date.atTime(23, 59, 59, 999_999_999).atZone(SwedishCalendar.STOCKHOLM).toInstant();
    }

    /** Two working days from {@code receivedAt}, decided at receipt. */
    private static Deadline scheduled(Instant receivedAt) {
        return Deadline.schedule(CASE, "stadsmiljo", Deadline.FIRST_ANSWER, 2, receivedAt,
                CALENDAR.deadline(receivedAt, 2), receivedAt);
    }

    /** Received Monday 23 November, 10:00: due end of Wednesday 25 November. */
    private static Deadline scheduledMonday() {
        return scheduled(at(11, 23, 10));
    }

    private static Deadline paused(Deadline deadline, Instant at) {
        return deadline.pause(at, at).orElseThrow();
    }

    private static Deadline resumed(Deadline deadline, Instant at) {
        return deadline.resume(at, at, CALENDAR).orElseThrow();
    }

    private static PendingEvent last(Deadline deadline) {
        return deadline.pendingEvents().get(deadline.pendingEvents().size() - 1);
    }

    @Test
    void aRunningClockPausesAtTheRequestTimeWithItsOwnEvent() {
        Instant tuesday = at(11, 24, 9);

        Deadline paused = scheduledMonday().pause(tuesday, tuesday.plusSeconds(5)).orElseThrow();

        assertThat(paused.status()).isEqualTo(DeadlineStatus.PAUSED);
        assertThat(paused.pausedAt()).isEqualTo(tuesday);
        assertThat(paused.pauses()).containsExactly(new Pause(tuesday, null, 0, null));
        assertThat(paused.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(paused.pendingEvents()).extracting(PendingEvent::kind).containsExactly(Kind.SCHEDULED, Kind.PAUSED);
        PendingEvent event = last(paused);
        assertThat(event.eventId()).isEqualTo(Deadline.eventId(CASE.toString(), "first-answer", Kind.PAUSED, 1));
        assertThat(event.occurredAt()).isEqualTo(tuesday.plusSeconds(5));
        assertThat(paused.eventPayload(event)).isEqualTo(new DeadlinePaused(CASE, "first-answer", "stadsmiljo", tuesday));
    }

    @Test
    void aPausedClockIsNeverOverdueAndRefusesABreach() {
        Deadline paused = paused(scheduledMonday(), at(11, 24, 9));
        Instant nextMonth = at(12, 28, 9);

        assertThat(paused.isOverdueAt(nextMonth)).isFalse();
        assertThatThrownBy(() -> paused.breach(nextMonth))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paused");
    }

    @Test
    void pausingAndResumingOnTheSameDayMovesNothing() {
        Instant afternoon = at(11, 24, 15);

        Deadline resumed = resumed(paused(scheduledMonday(), at(11, 24, 9)), afternoon);

        assertThat(resumed.status()).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(resumed.pausedAt()).isNull();
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(resumed.pauses()).containsExactly(new Pause(at(11, 24, 9), afternoon, 0, LocalDate.of(2026, 11, 25)));
        assertThat(resumed.eventPayload(last(resumed))).isEqualTo(new DeadlineResumed(CASE, "first-answer", "stadsmiljo",
                afternoon, LocalDate.of(2026, 11, 25), endOf(LocalDate.of(2026, 11, 25))));
    }

    @Test
    void pausedOnFridayAndResumedOnMondayGivesBackOnlyTheMonday() {
        // Received Thursday 26 November: due end of Monday 30 November.
        Deadline paused = paused(scheduled(at(11, 26, 10)), at(11, 27, 14));

        Deadline resumedMonday = resumed(paused, at(11, 30, 9));
        Deadline resumedSaturday = resumed(paused, at(11, 28, 11));

        assertThat(resumedMonday.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(resumedMonday.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 12, 1)));
        assertThat(resumedMonday.pauses().get(0).daysAdded()).isEqualTo(1);
        assertThat(resumedSaturday.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(resumedSaturday.pauses().get(0).daysAdded()).isZero();
    }

    @Test
    void aPauseOverChristmasGivesBackOnlyTheWorkingDaysAfterIt() {
        // Received Tuesday 22 December: Wednesday 23 is day 1; julafton, juldagen and the weekend are not working
        // days, so Monday 28 December is day 2.
        Deadline deadline = scheduled(at(12, 22, 10));
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));

        // Paused Wednesday 23, the reply on Tuesday 29: Monday 28 and Tuesday 29 are given back.
        Deadline resumed = resumed(paused(deadline, at(12, 23, 10)), at(12, 29, 10));

        assertThat(resumed.pauses().get(0).daysAdded()).isEqualTo(2);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void everyPauseMovesTheDueDateAndHasEventsOfItsOwn() {
        Deadline first = resumed(paused(scheduledMonday(), at(11, 23, 12)), at(11, 24, 10));
        Deadline second = resumed(paused(first, at(11, 25, 10)), at(11, 26, 9));

        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(second.pauses()).extracting(Pause::daysAdded).containsExactly(1, 1);
        assertThat(second.pendingEvents()).extracting(PendingEvent::kind)
                .containsExactly(Kind.SCHEDULED, Kind.PAUSED, Kind.RESUMED, Kind.PAUSED, Kind.RESUMED);
        assertThat(second.pendingEvents()).extracting(PendingEvent::eventId).doesNotHaveDuplicates();
        // Each event carries the facts of its own pause, even when published after a later one.
        assertThat(second.eventPayload(second.pendingEvents().get(2))).isEqualTo(new DeadlineResumed(CASE,
                "first-answer", "stadsmiljo", at(11, 24, 10), LocalDate.of(2026, 11, 26), endOf(LocalDate.of(2026, 11, 26))));
        assertThat(second.eventPayload(second.pendingEvents().get(3)))
                .isEqualTo(new DeadlinePaused(CASE, "first-answer", "stadsmiljo", at(11, 25, 10)));
        assertThat(second.pendingEvents().get(4).eventId())
                .isEqualTo(Deadline.eventId(CASE.toString(), "first-answer", Kind.RESUMED, 2));
    }

    @Test
    void aRedeliveredRequestOrReplyChangesNothing() {
        Instant requested = at(11, 23, 12);
        Instant replied = at(11, 24, 10);
        Deadline paused = paused(scheduledMonday(), requested);
        Deadline resumed = resumed(paused, replied);
        Deadline pausedAgain = paused(resumed, at(11, 25, 10));

        assertThat(paused.pause(requested, requested.plusSeconds(60))).isEmpty();
        assertThat(paused.pause(requested.plusSeconds(30), requested.plusSeconds(60))).isEmpty();
        assertThat(resumed.resume(replied, replied.plusSeconds(60), CALENDAR)).isEmpty();
        assertThat(resumed.pause(requested, replied.plusSeconds(60))).isEmpty();
        assertThat(pausedAgain.resume(replied, at(11, 25, 11), CALENDAR)).isEmpty();
    }

    @Test
    void onlyARunningClockPausesAndOnlyAPausedOneResumes() {
        Deadline met = scheduledMonday().stop(at(11, 23, 11), at(11, 23, 11)).orElseThrow();
        Deadline breached = scheduledMonday().breach(at(11, 26, 1)).orElseThrow();

        assertThat(scheduledMonday().resume(at(11, 24, 10), at(11, 24, 10), CALENDAR)).isEmpty();
        assertThat(met.pause(at(11, 23, 12), at(11, 23, 12))).isEmpty();
        assertThat(met.resume(at(11, 24, 10), at(11, 24, 10), CALENDAR)).isEmpty();
        assertThat(breached.pause(at(11, 26, 2), at(11, 26, 2))).isEmpty();
    }

    @Test
    void anAnswerWhilePausedMeetsTheDeadlineEvenAfterItsOriginalDueTime() {
        Instant friday = at(11, 27, 10);

        Deadline met = paused(scheduledMonday(), at(11, 24, 9)).stop(friday, friday).orElseThrow();

        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.answeredAt()).isEqualTo(friday);
        assertThat(met.pausedAt()).isNull();
        assertThat(met.pauses()).containsExactly(new Pause(at(11, 24, 9), null, 0, null));
        assertThat(met.pendingEvents()).extracting(PendingEvent::kind)
                .containsExactly(Kind.SCHEDULED, Kind.PAUSED, Kind.MET);
        assertThat(met.resume(friday.plusSeconds(60), friday.plusSeconds(60), CALENDAR)).isEmpty();
    }

    @Test
    void aClockResumedAfterItsMovedDeadlineIsBreachedAtOnce() {
        // Paused on its due day, Wednesday; the reply on Saturday gives back Thursday and Friday: due Friday, passed.
        Instant saturday = at(11, 28, 10);

        Deadline resumed = resumed(paused(scheduledMonday(), at(11, 25, 10)), saturday);

        assertThat(resumed.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(resumed.breachedAt()).isEqualTo(saturday);
        assertThat(resumed.pendingEvents()).extracting(PendingEvent::kind)
                .containsExactly(Kind.SCHEDULED, Kind.PAUSED, Kind.RESUMED, Kind.BREACHED);
        assertThat(resumed.eventPayload(last(resumed))).isEqualTo(new DeadlineBreached(CASE, "first-answer",
                "stadsmiljo", endOf(LocalDate.of(2026, 11, 27)), saturday));
    }

    @Test
    void aRequestAfterTheDeadlinePassedBreachesTheClockInsteadOfPausingIt() {
        Instant thursday = at(11, 26, 9);

        Deadline breached = scheduledMonday().pause(thursday, thursday).orElseThrow();

        assertThat(breached.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(breached.pauses()).isEmpty();
    }

    @Test
    void aCalendarPeriodClockMovesByCalendarDays() {
        Instant monday = at(11, 23, 10);
        LocalDate fourteenDaysLater = LocalDate.of(2026, 12, 7);
        Deadline lexMaria = Deadline.schedule(CASE, "halso-och-sjukvard", "lex-maria-ivo", 0, monday,
                new SwedishCalendar.Deadline(fourteenDaysLater,
                        fourteenDaysLater.atTime(23, 59, 59, 999_999_999).atZone(SwedishCalendar.STOCKHOLM)),
                monday);

        // Tuesday to Friday: Wednesday, Thursday and Friday given back.
        Deadline resumed = resumed(paused(lexMaria, at(11, 24, 10)), at(11, 27, 10));

        assertThat(resumed.pauses().get(0).daysAdded()).isEqualTo(3);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void forwardingMovesTheClockToTheNewUnitWithoutAnEventAndLaterEventsCarryIt() {
        Instant forwardedAt = at(11, 24, 9);
        Deadline deadline = scheduledMonday();

        Deadline forwarded = deadline.forward("medborgarservice", forwardedAt).orElseThrow();

        assertThat(forwarded.unit()).isEqualTo("medborgarservice");
        assertThat(forwarded.unitChangedAt()).isEqualTo(forwardedAt);
        assertThat(forwarded.status()).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(forwarded.dueAt()).isEqualTo(deadline.dueAt());
        assertThat(forwarded.pendingEvents()).isEqualTo(deadline.pendingEvents());
        assertThat(forwarded.version()).isEqualTo(deadline.version() + 1);
        Deadline breached = forwarded.breach(at(11, 26, 1)).orElseThrow();
        assertThat(((DeadlineBreached) breached.eventPayload(last(breached))).unit()).isEqualTo("medborgarservice");
    }

    @Test
    void aRedeliveredOrOlderForwardingIsIgnoredAndAStoppedClockFollowsTheCaseToo() {
        Deadline forwarded = scheduledMonday().forward("medborgarservice", at(11, 24, 9)).orElseThrow();
        Deadline back = forwarded.forward("stadsmiljo", at(11, 24, 11)).orElseThrow();
        Deadline met = scheduledMonday().stop(at(11, 23, 11), at(11, 23, 11)).orElseThrow();

        assertThat(forwarded.forward("medborgarservice", at(11, 24, 9))).isEmpty();
        assertThat(back.forward("medborgarservice", at(11, 24, 9))).isEmpty();
        assertThat(back.unit()).isEqualTo("stadsmiljo");
        assertThat(met.forward("medborgarservice", at(11, 24, 9)).orElseThrow().unit()).isEqualTo("medborgarservice");
    }

    @Test
    void pauseEventIdsAreDeterministicPerPause() {
        String firstPause = Deadline.eventId(CASE.toString(), "first-answer", Kind.PAUSED, 1);

        assertThat(Deadline.eventId(CASE.toString(), "first-answer", Kind.PAUSED, 1)).isEqualTo(firstPause);
        assertThat(Deadline.eventId(CASE.toString(), "first-answer", Kind.PAUSED, 2)).isNotEqualTo(firstPause);
        assertThat(Deadline.eventId(CASE.toString(), "first-answer", Kind.RESUMED, 1)).isNotEqualTo(firstPause);
    }
}
