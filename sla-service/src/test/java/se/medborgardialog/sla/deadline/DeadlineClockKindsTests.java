package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineWarning;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;

/** Each kind of clock, its pauses, suspension periods (Kil: June–August) and warnings, with a clock the test moves. */
class DeadlineClockKindsTests {

    private static final SwedishCalendar CALENDAR = new SwedishCalendar();
    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000003"));

    private final MutableClock clock = new MutableClock(at(2026, 11, 23, 10, 0));

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Instant endOf(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(23, 59, 59, 999_999_999).atZone(SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static ClockTerms terms(String duration, List<String> warnings, List<String> suspensions) {
        GuaranteeDefinition d = Catalogues.guarantee("garanti", "garanti", duration);
        return ClockTerms.of(new GuaranteeDefinition(d.id(), d.municipality(), d.namnd(), d.title(), d.type(), d.covers(),
                d.clock(), duration, null, null, null, null, warnings, suspensions, null, null).toGuarantee(1));
    }

    private Deadline started(String duration, List<String> warnings, List<String> suspensions) {
        return Deadline.schedule(CASE, "stadsmiljo", "garanti", terms(duration, warnings, suspensions), clock.instant(),
                CALENDAR, clock.instant());
    }

    private Deadline started(String duration) {
        return started(duration, List.of(), List.of());
    }

    private Deadline pauseAndResume(Deadline deadline, Instant pause, Instant resume) {
        Deadline paused = deadline.pause(pause, pause).orElseThrow();
        return paused.resume(resume, resume, CALENDAR).orElseThrow();
    }

    @Test
    void workingDaysEndAtTheEndOfTheNthWorkingDayAndAPauseGivesBackWorkingDays() {
        Deadline deadline = started("P2WD");
        assertThat(deadline.dueAt()).isEqualTo(endOf(2026, 11, 25));
        assertThat(deadline.workingDays()).isEqualTo(2);

        // paused Tuesday, reply Friday: Wednesday, Thursday and Friday come back
        Deadline resumed = pauseAndResume(deadline, at(2026, 11, 24, 9, 0), at(2026, 11, 27, 9, 0));
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(resumed.pauses().get(0).daysAdded()).isEqualTo(3);
    }

    @Test
    void hoursEndAtTheExactInstantAndAPauseGivesBackExactlyThePausedTime() {
        Deadline deadline = started("PT8H");
        assertThat(deadline.dueAt()).isEqualTo(at(2026, 11, 23, 18, 0));
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));

        Deadline resumed = pauseAndResume(deadline, at(2026, 11, 23, 12, 0), at(2026, 11, 23, 13, 30));
        assertThat(resumed.dueAt()).isEqualTo(at(2026, 11, 23, 19, 30));
        assertThat(resumed.isOverdueAt(at(2026, 11, 23, 19, 30))).isFalse();
        assertThat(resumed.isOverdueAt(at(2026, 11, 23, 19, 30).plusMillis(1))).isTrue();
        assertThat(resumed.eventPayload(resumed.pendingEvents().get(2)))
                .hasFieldOrPropertyWithValue("dueAt", at(2026, 11, 23, 19, 30));
    }

    @Test
    void calendarDaysWeeksAndMonthsEndAtTheEndOfTheStockholmDayAndAPauseGivesBackCalendarDays() {
        assertThat(started("P10D").dueAt()).isEqualTo(endOf(2026, 12, 3));
        assertThat(started("P3W").dueAt()).isEqualTo(endOf(2026, 12, 14));
        Deadline months = started("P6M");
        assertThat(months.dueAt()).isEqualTo(endOf(2027, 5, 23));
        assertThat(months.workingDays()).isZero();

        Deadline resumed = pauseAndResume(started("P3W"), at(2026, 11, 24, 9, 0), at(2026, 11, 28, 9, 0));
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 18));
        Deadline monthsResumed = pauseAndResume(months, at(2026, 12, 1, 9, 0), at(2026, 12, 3, 9, 0));
        assertThat(monthsResumed.dueDate()).isEqualTo(LocalDate.of(2027, 5, 25));
    }

    @Test
    void aClockStartingInTheSummerSuspensionStartsCountingAfterIt() {
        clock.set(at(2027, 7, 10, 10, 0));

        assertThat(started("P3W", List.of(), List.of("06-01..08-31")).dueDate()).isEqualTo(LocalDate.of(2027, 9, 21));
        assertThat(started("P1M", List.of(), List.of("06-01..08-31")).dueDate()).isEqualTo(LocalDate.of(2027, 9, 30));
        // 1 September 2027 is a Wednesday: days 1–3 are Wednesday to Friday
        assertThat(started("P3WD", List.of(), List.of("06-01..08-31")).dueDate()).isEqualTo(LocalDate.of(2027, 9, 3));
        assertThat(started("PT8H", List.of(), List.of("06-01..08-31")).dueAt()).isEqualTo(at(2027, 9, 1, 8, 0));
    }

    @Test
    void aClockCrossingIntoTheSuspensionStopsCountingAndGoesOnAfterIt() {
        clock.set(at(2027, 5, 20, 10, 0));

        // 11 days of May count (21–31), the other 10 are 1–10 September
        assertThat(started("P3W", List.of(), List.of("06-01..08-31")).dueDate()).isEqualTo(LocalDate.of(2027, 9, 10));
        clock.set(at(2027, 5, 31, 20, 0));
        // 4 hours of 31 May count, the other 4 from the start of 1 September
        assertThat(started("PT8H", List.of(), List.of("06-01..08-31")).dueAt()).isEqualTo(at(2027, 9, 1, 4, 0));
    }

    @Test
    void aPauseInsideTheSuspensionGivesBackNothingThatCounted() {
        clock.set(at(2027, 5, 20, 10, 0));
        Deadline deadline = started("P3W", List.of(), List.of("06-01..08-31"));

        Deadline resumed = pauseAndResume(deadline, at(2027, 5, 30, 10, 0), at(2027, 6, 15, 10, 0));

        // only 31 May counted while paused
        assertThat(resumed.pauses().get(0).daysAdded()).isEqualTo(1);
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2027, 9, 11));
    }

    @Test
    void warnsAtFiftyAndEightyPercentAndTwoHoursBeforeEachExactlyOnce() {
        Deadline deadline = started("PT10H", List.of("50%", "80%", "PT1H"), List.of());
        assertThat(deadline.nextFireAt()).isEqualTo(at(2026, 11, 23, 15, 0));

        assertThat(deadline.fire(at(2026, 11, 23, 14, 59))).isEmpty();
        Deadline half = deadline.fire(at(2026, 11, 23, 15, 0)).orElseThrow();
        assertThat(half.fire(at(2026, 11, 23, 15, 30))).isEmpty();
        assertThat(half.nextFireAt()).isEqualTo(at(2026, 11, 23, 18, 0));
        Deadline eighty = half.fire(at(2026, 11, 23, 18, 0)).orElseThrow();
        assertThat(eighty.nextFireAt()).isEqualTo(at(2026, 11, 23, 19, 0));
        Deadline hourBefore = eighty.fire(at(2026, 11, 23, 19, 0)).orElseThrow();
        assertThat(hourBefore.fire(at(2026, 11, 23, 19, 30))).isEmpty();
        assertThat(hourBefore.nextFireAt()).isEqualTo(at(2026, 11, 23, 20, 0));
        Deadline breached = hourBefore.fire(at(2026, 11, 23, 20, 0).plusMillis(1)).orElseThrow();

        assertThat(breached.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(breached.pendingEvents()).extracting(PendingEvent::kind)
                .containsExactly(Kind.SCHEDULED, Kind.WARNING, Kind.WARNING, Kind.WARNING, Kind.BREACHED);
        List<PendingEvent> warnings = breached.pendingEvents().stream().filter(e -> e.kind() == Kind.WARNING).toList();
        assertThat(warnings).extracting(PendingEvent::point).containsExactly("50%", "80%", "PT1H");
        assertThat(warnings).extracting(PendingEvent::eventId).doesNotHaveDuplicates()
                .contains(Deadline.warningEventId(CASE.toString(), "garanti", "80%", 0));
        DeadlineWarning payload = (DeadlineWarning) breached.eventPayload(warnings.get(0));
        assertThat(payload.point()).isEqualTo("50%");
        assertThat(payload.guarantee().id()).isEqualTo("garanti");
        assertThat(payload.dueAt()).isEqualTo(at(2026, 11, 23, 20, 0));
        assertThat(payload.warnedAt()).isEqualTo(at(2026, 11, 23, 15, 0));
    }

    @Test
    void aPausedClockWarnsOfNothingAndItsPointsAreRecomputedOnResume() {
        Deadline deadline = started("PT10H", List.of("50%", "PT2H"), List.of());
        Deadline paused = deadline.pause(at(2026, 11, 23, 12, 0), at(2026, 11, 23, 12, 0)).orElseThrow();

        assertThat(paused.nextFireAt()).isNull();
        assertThat(paused.fire(at(2026, 11, 23, 19, 0))).isEmpty();

        // paused two hours: due 22:00, half of the running time reached at 17:00, two hours before at 20:00
        Deadline resumed = paused.resume(at(2026, 11, 23, 14, 0), at(2026, 11, 23, 14, 0), CALENDAR).orElseThrow();
        assertThat(resumed.dueAt()).isEqualTo(at(2026, 11, 23, 22, 0));
        assertThat(resumed.nextFireAt()).isEqualTo(at(2026, 11, 23, 17, 0));
        Deadline both = resumed.fire(at(2026, 11, 23, 20, 0)).orElseThrow();
        assertThat(both.pendingEvents()).filteredOn(e -> e.kind() == Kind.WARNING).extracting(PendingEvent::eventId)
                .containsExactly(Deadline.warningEventId(CASE.toString(), "garanti", "50%", 1),
                        Deadline.warningEventId(CASE.toString(), "garanti", "PT2H", 1));
        assertThat(both.fire(at(2026, 11, 23, 21, 0))).isEmpty();
    }

    @Test
    void aClockWithoutWarningsFiresOnlyItsBreach() {
        Deadline deadline = started("P2WD");

        assertThat(deadline.nextFireAt()).isEqualTo(endOf(2026, 11, 25));
        assertThat(deadline.fire(endOf(2026, 11, 25))).isEmpty();
        assertThat(deadline.fire(endOf(2026, 11, 25).plusNanos(1)).orElseThrow().status()).isEqualTo(DeadlineStatus.BREACHED);
    }
}
