package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The timer's entry fires what the deadline's own {@link Deadline#fire} fires, with the same ids and payloads, without
 * reading the deadline; folding the recorded firings into the document gives the state {@code fire} gives, without the
 * published events in its outbox.
 */
class ClockEntryTests {

    private static final SwedishCalendar CALENDAR = new SwedishCalendar();
    private static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d7e-0000-4000-8000-000000000007"));
    private static final Instant START = at(10, 0);

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 23, hour, minute, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static Deadline started(String duration, List<String> warnings) {
        GuaranteeDefinition d = Catalogues.guarantee("garanti", "garanti", duration);
        ClockTerms terms = ClockTerms.of(new GuaranteeDefinition(d.id(), d.municipality(), d.namnd(), d.title(), d.type(),
                d.covers(), d.clock(), duration, null, null, null, null, warnings, List.of(),
                new GuaranteeDefinition.CompensationDefinition("En femtedel av avgiften per påbörjad vecka",
                        "FEE_FRACTION_PER_STARTED_WEEK", 0.2, null), null).toGuarantee(1));
        return Deadline.schedule(CASE, "stadsmiljo", "garanti", terms, START, CALENDAR, START);
    }

    /** What the deadline itself would publish on firing at {@code now}: the new pending events, as on the wire. */
    private static List<OutgoingEvent> firedByDeadline(Deadline deadline, Instant now) {
        Deadline next = deadline.fire(now).orElseThrow();
        Set<String> before = deadline.pendingEvents().stream().map(PendingEvent::eventId).collect(Collectors.toSet());
        return next.pendingEvents().stream().filter(e -> !before.contains(e.eventId()))
                .map(e -> new OutgoingEvent(next.caseId(), e.eventId(), DeadlineOutbox.typeOf(e.kind()), e.occurredAt(),
                        next.eventPayload(e)))
                .toList();
    }

    @Test
    void firesTheBreachTheDeadlineWouldWithItsIdAndPayload() {
        Deadline deadline = started("P2WD", List.of());
        Instant late = ZonedDateTime.of(2026, 11, 26, 0, 0, 0, 1_234_567, SwedishCalendar.STOCKHOLM).toInstant();

        ClockEntry.Fired fired = ClockEntry.of(deadline).fire(late);

        assertThat(fired.events()).isEqualTo(firedByDeadline(deadline, late));
        assertThat(fired.next()).isNull();
        assertThat(fired.firings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PendingEvent.Kind.BREACHED);
            assertThat(f.firedAt()).isEqualTo(deadline.fire(late).orElseThrow().breachedAt());
        });
    }

    @Test
    void firesEachWarningPointOnceAndThenTheBreachAsTheDeadlineWould() {
        Deadline deadline = started("PT10H", List.of("50%", "80%", "PT1H"));
        ClockEntry entry = ClockEntry.of(deadline);
        assertThat(entry.fireAtMillis()).isEqualTo(at(15, 0).toEpochMilli());

        for (Instant now : List.of(at(15, 0).plusMillis(1), at(19, 0).plusMillis(1))) {
            ClockEntry.Fired fired = entry.fire(now);
            assertThat(fired.events()).isEqualTo(firedByDeadline(deadline, now));
            deadline = PendingFirings.fold(deadline, fired.firings()).orElseThrow();
            entry = fired.next();
            assertThat(entry.fireAtMillis()).isEqualTo(ClockEntry.of(deadline).fireAtMillis());
        }
        assertThat(deadline.warned()).containsExactly("50%", "80%", "PT1H");
        Instant late = at(20, 0).plusMillis(1);
        assertThat(entry.fire(late).events()).isEqualTo(firedByDeadline(deadline, late));
    }

    @Test
    void foldingARecordedBreachLeavesTheBreachedStateWithoutItsPublishedEvent() {
        Deadline deadline = started("PT8H", List.of());
        Instant late = at(18, 0).plusMillis(1);
        List<Firing> firings = ClockEntry.of(deadline).fire(late).firings();

        Optional<Deadline> folded = PendingFirings.fold(deadline, firings);

        assertThat(folded).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DeadlineStatus.BREACHED);
            assertThat(d.breachedAt()).isEqualTo(late);
            assertThat(d.pendingEvents()).extracting(PendingEvent::kind).containsExactly(PendingEvent.Kind.SCHEDULED);
        });
        assertThat(PendingFirings.fold(folded.get(), firings)).as("folded twice").isEmpty();
        assertThat(folded.get().stop(late.plusSeconds(60), late.plusSeconds(60)).orElseThrow().status())
                .isEqualTo(DeadlineStatus.BREACHED_ANSWERED_LATE);
    }
}
