package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition;
import se.medborgardialog.workingdays.SwedishCalendar;
import se.medborgardialog.workingdays.SwedishCalendar.NonWorkingDay;

/** A change of the municipality's closed days counts open clocks in working days again (issue 5, the calendar). */
class DeadlineRecountTests {

    private static final SwedishCalendar BY_RULE = new SwedishCalendar();
    /** Tuesday 24 November 2026 closed. */
    private static final SwedishCalendar TUESDAY_CLOSED =
            new SwedishCalendar(List.of(new NonWorkingDay(LocalDate.of(2026, 11, 24), "Kommunens stängningsdag")));
    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000009"));
    private static final Instant MONDAY = at(2026, 11, 23, 10, 0);
    private static final String REASON = "Kommunens kalender ändrades: 2026-11-24 (Kommunens stängningsdag) är nu stängd";

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static ClockTerms terms(String duration) {
        GuaranteeDefinition d = Catalogues.guarantee("garanti", "garanti", duration);
        return ClockTerms.of(new GuaranteeDefinition(d.id(), d.municipality(), d.namnd(), d.title(), d.type(), d.covers(),
                d.clock(), duration, null, null, null, null, List.of(), List.of(), null, null).toGuarantee(1));
    }

    private static Deadline started(String duration) {
        return Deadline.schedule(CASE, "stadsmiljo", "garanti", terms(duration), MONDAY, BY_RULE, MONDAY);
    }

    @Test
    void aClosedDayInsideTheSpanMovesTheDueDateOneWorkingDayAndSaysWhy() {
        Deadline deadline = started("P2WD");
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));

        Deadline moved = deadline.recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY.plusSeconds(60)).orElseThrow();

        assertThat(moved.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(moved.status()).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(moved.reschedules()).singleElement().satisfies(r -> {
            assertThat(r.previousDueAt()).isEqualTo(deadline.dueAt());
            assertThat(r.reason()).isEqualTo(REASON);
        });
        PendingEvent event = moved.pendingEvents().get(moved.pendingEvents().size() - 1);
        assertThat(event.kind()).isEqualTo(Kind.RESCHEDULED);
        DeadlineRescheduled payload = (DeadlineRescheduled) moved.eventPayload(event);
        assertThat(payload.previousDueAt()).isEqualTo(deadline.dueAt());
        assertThat(payload.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(payload.reason()).isEqualTo(REASON);
        assertThat(payload.guarantee().id()).isEqualTo("garanti");
    }

    @Test
    void theSameCalendarNeverMovesAClockTwice() {
        Deadline moved = started("P2WD").recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY).orElseThrow();

        assertThat(moved.recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY)).isEmpty();
    }

    @Test
    void aDayOpenedAgainMovesTheDueDateBackEarlier() {
        Deadline countedClosed = Deadline.schedule(CASE, "stadsmiljo", "garanti", terms("P2WD"), MONDAY, TUESDAY_CLOSED,
                MONDAY);
        assertThat(countedClosed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));

        Deadline moved = countedClosed.recount(BY_RULE, "cal-1", "Kommunens kalender ändrades", MONDAY).orElseThrow();

        assertThat(moved.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void theDaysItsPausesGaveBackAreGivenBackAgainOnTheNewCalendar() {
        // paused Wednesday morning, reply Friday: Thursday and Friday come back, due Friday 27 by rule
        Instant wednesday = at(2026, 11, 25, 9, 0);
        Instant friday = at(2026, 11, 27, 9, 0);
        Deadline resumed = started("P2WD").pause(wednesday, wednesday).orElseThrow()
                .resume(friday, friday, BY_RULE).orElseThrow();
        assertThat(resumed.dueDate()).isEqualTo(LocalDate.of(2026, 11, 27));

        Deadline moved = resumed.recount(TUESDAY_CLOSED, "cal-2", REASON, friday).orElseThrow();

        // counted again: Monday + 2 working days without Tuesday is Thursday 26, plus the two days given back: Monday 30
        assertThat(moved.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(moved.status()).isEqualTo(DeadlineStatus.RUNNING);
    }

    @Test
    void aStoppedClockOrOneInHoursOrCalendarTimeIsNotCountedAgain() {
        Deadline met = started("P2WD").stop(MONDAY.plusSeconds(60), MONDAY.plusSeconds(60)).orElseThrow();
        assertThat(met.recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY)).isEmpty();
        assertThat(started("PT8H").recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY)).isEmpty();
        assertThat(started("P10D").recount(TUESDAY_CLOSED, "cal-2", REASON, MONDAY)).isEmpty();
    }

    @Test
    void aRunningClockWhoseNewDueTimeHasPassedIsBreachedAtOnce() {
        Deadline countedClosed = Deadline.schedule(CASE, "stadsmiljo", "garanti", terms("P2WD"), MONDAY, TUESDAY_CLOSED,
                MONDAY);
        Instant thursdayMorning = at(2026, 11, 26, 8, 0);

        Deadline moved = countedClosed.recount(BY_RULE, "cal-1", "Kommunens kalender ändrades", thursdayMorning)
                .orElseThrow();

        assertThat(moved.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(moved.pendingEvents()).extracting(PendingEvent::kind)
                .containsSubsequence(Kind.RESCHEDULED, Kind.BREACHED);
    }
}
