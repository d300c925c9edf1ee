package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.workingdays.SwedishCalendar;

class DeadlineTests {

    private static final SwedishCalendar CALENDAR = new SwedishCalendar();
    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000001"));
    /** Monday 23 November 2026, 10:00 in Stockholm. */
    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    private static final Instant END_OF_WEDNESDAY =
            LocalDate.of(2026, 11, 25).atTime(23, 59, 59, 999_999_999).atZone(SwedishCalendar.STOCKHOLM).toInstant();

    private static final Instant THURSDAY_MIDNIGHT = END_OF_WEDNESDAY.plusNanos(1);

    private static Deadline scheduledMonday() {
        return Deadline.schedule(CASE, "stadsmiljo", Deadline.FIRST_ANSWER, 2, MONDAY, CALENDAR.deadline(MONDAY, 2), MONDAY);
    }

    @Test
    void schedulesTheClockToTheEndOfTheSecondWorkingDayInStockholm() {
        Deadline deadline = scheduledMonday();

        assertThat(deadline.id()).isEqualTo(CASE + ":first-answer");
        assertThat(deadline.status()).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(deadline.dueAt()).isEqualTo(END_OF_WEDNESDAY);
        assertThat(deadline.pendingEvents()).extracting(PendingEvent::kind).containsExactly(Kind.SCHEDULED);
        assertThat(deadline.eventPayload(deadline.pendingEvents().get(0)))
                .isEqualTo(new DeadlineScheduled(CASE, "first-answer", "stadsmiljo", 2, MONDAY,
                        LocalDate.of(2026, 11, 25), END_OF_WEDNESDAY));
    }

    @Test
    void answerBeforeTheDeadlineMeetsIt() {
        Deadline met = scheduledMonday().stop(MONDAY.plusSeconds(3600), MONDAY.plusSeconds(3601)).orElseThrow();

        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.answeredAt()).isEqualTo(MONDAY.plusSeconds(3600));
        assertThat(met.pendingEvents()).extracting(PendingEvent::kind).containsExactly(Kind.SCHEDULED, Kind.MET);
        assertThat(met.version()).isEqualTo(1);
    }

    @Test
    void answerExactlyAtDueAtIsInTime() {
        Deadline met = scheduledMonday().stop(END_OF_WEDNESDAY, END_OF_WEDNESDAY.plusSeconds(5)).orElseThrow();

        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void answerTimestampDecidesEvenWhenProcessedAfterTheDeadline() {
        Instant processedThursday = END_OF_WEDNESDAY.plusSeconds(6 * 3600);

        Deadline met = scheduledMonday().stop(END_OF_WEDNESDAY.minusSeconds(60), processedThursday).orElseThrow();

        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void lateAnswerOnARunningClockBreachesAndStopsIt() {
        Instant thursday = END_OF_WEDNESDAY.plusNanos(1);

        Deadline late = scheduledMonday().stop(thursday, thursday).orElseThrow();

        assertThat(late.status()).isEqualTo(DeadlineStatus.BREACHED_ANSWERED_LATE);
        assertThat(late.pendingEvents()).extracting(PendingEvent::kind).containsExactly(Kind.SCHEDULED, Kind.BREACHED);
        assertThat(late.breachedAt()).isNotNull();
    }

    @Test
    void answerAfterThePublishedBreachRecordsItWithoutANewEvent() {
        Deadline breached = scheduledMonday().breach(END_OF_WEDNESDAY.plusSeconds(1)).orElseThrow();
        Deadline withoutPublishedEvents = new Deadline(breached.id(), breached.caseId(), breached.unit(), breached.clock(),
                breached.workingDays(), breached.receivedAt(), breached.dueDate(), breached.dueAt(), breached.status(),
                breached.answeredAt(), breached.breachedAt(), null, List.of(), null, List.of(), breached.version());

        Deadline answeredLate = withoutPublishedEvents.stop(THURSDAY_MIDNIGHT.plusSeconds(7200), THURSDAY_MIDNIGHT.plusSeconds(7201))
                .orElseThrow();

        assertThat(answeredLate.status()).isEqualTo(DeadlineStatus.BREACHED_ANSWERED_LATE);
        assertThat(answeredLate.answeredAt()).isEqualTo(THURSDAY_MIDNIGHT.plusSeconds(7200));
        assertThat(answeredLate.breachedAt()).isEqualTo(breached.breachedAt());
        assertThat(answeredLate.pendingEvents()).isEmpty();
    }

    @Test
    void breachCarriesWhenItWasDetected() {
        Instant detected = THURSDAY_MIDNIGHT.plusSeconds(90);

        Deadline breached = scheduledMonday().breach(detected).orElseThrow();

        assertThat(breached.status()).isEqualTo(DeadlineStatus.BREACHED);
        PendingEvent event = breached.pendingEvents().get(1);
        assertThat(event.eventId()).isEqualTo(Deadline.eventId(CASE.toString(), "first-answer", Kind.BREACHED));
        assertThat(breached.eventPayload(event))
                .isEqualTo(new DeadlineBreached(CASE, "first-answer", "stadsmiljo", END_OF_WEDNESDAY, detected));
    }

    @Test
    void refusesToBreachAClockThatHasNotRunOut() {
        assertThatThrownBy(() -> scheduledMonday().breach(END_OF_WEDNESDAY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingLeavesMet() {
        Deadline met = scheduledMonday().stop(MONDAY.plusSeconds(60), MONDAY.plusSeconds(60)).orElseThrow();

        assertThat(met.breach(END_OF_WEDNESDAY.plusSeconds(1))).isEmpty();
        assertThat(met.stop(MONDAY.plusSeconds(120), MONDAY.plusSeconds(120))).isEmpty();
    }

    @Test
    void aSecondBreachOrASecondLateAnswerChangesNothing() {
        Deadline breached = scheduledMonday().breach(END_OF_WEDNESDAY.plusSeconds(1)).orElseThrow();
        Deadline answeredLate = breached.stop(END_OF_WEDNESDAY.plusSeconds(60), END_OF_WEDNESDAY.plusSeconds(60)).orElseThrow();

        assertThat(breached.breach(END_OF_WEDNESDAY.plusSeconds(2))).isEmpty();
        assertThat(answeredLate.stop(END_OF_WEDNESDAY.plusSeconds(90), END_OF_WEDNESDAY.plusSeconds(90))).isEmpty();
        assertThat(answeredLate.breach(END_OF_WEDNESDAY.plusSeconds(90))).isEmpty();
    }

    @Test
    void aBackdatedLetterWhoseDeadlinePassedIsBreachedAtScheduling() {
        Instant twoWeeksLater = MONDAY.plusSeconds(14 * 24 * 3600);

        Deadline deadline = Deadline.schedule(CASE, "stadsmiljo", Deadline.FIRST_ANSWER, 2, MONDAY,
                CALENDAR.deadline(MONDAY, 2), twoWeeksLater);

        assertThat(deadline.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(deadline.pendingEvents()).extracting(PendingEvent::kind).containsExactly(Kind.SCHEDULED, Kind.BREACHED);
    }

    @Test
    void eventIdsAreDeterministicPerCaseClockAndKind() {
        String scheduled = Deadline.eventId(CASE.toString(), "first-answer", Kind.SCHEDULED);

        assertThat(Deadline.eventId(CASE.toString(), "first-answer", Kind.SCHEDULED)).isEqualTo(scheduled);
        assertThat(Deadline.eventId(CASE.toString(), "first-answer", Kind.MET)).isNotEqualTo(scheduled);
        assertThat(Deadline.eventId(CASE.toString(), "acknowledgement", Kind.SCHEDULED)).isNotEqualTo(scheduled);
    }
}
