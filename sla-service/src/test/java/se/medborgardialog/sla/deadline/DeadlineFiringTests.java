package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The timer's batch: the events are built as they are sent (the first leaves before the last is built), and what the
 * broker did not acknowledge is put back whole, built or not, so no clock is lost.
 */
class DeadlineFiringTests {

    private static final SwedishCalendar CALENDAR = new SwedishCalendar();
    private static final Instant START = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM)
            .toInstant();
    private static final Instant LATE = START.plusSeconds(3 * 3600);

    private final PendingFirings firings = new PendingFirings(null);
    private final DeadlineMetrics metrics = new DeadlineMetrics(new SimpleMeterRegistry());

    private static List<ClockEntry> due(int count) {
        GuaranteeDefinition d = Catalogues.guarantee("garanti", "garanti", "PT2H");
        ClockTerms terms = ClockTerms.of(d.toGuarantee(1));
        List<ClockEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseId caseId = new CaseId(UUID.nameUUIDFromBytes(("fall-" + i).getBytes()));
            entries.add(ClockEntry.of(Deadline.schedule(caseId, "stadsmiljo", "garanti", terms, START, CALENDAR, START)));
        }
        return entries;
    }

    @Test
    void sendsEveryEventOnceAndRecordsEveryAcknowledgedBreach() {
        List<ClockEntry> due = due(3);
        List<String> seen = new ArrayList<>();
        DeadlineEventSender sender = new DeadlineEventSender() {
            @Override
            public void send(OutgoingEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<OutgoingEvent> sendAll(Iterable<OutgoingEvent> events) {
                List<OutgoingEvent> sent = new ArrayList<>();
                for (OutgoingEvent event : events) {
                    seen.add(event.caseId());
                    sent.add(event);
                }
                return sent;
            }
        };

        DeadlineFiring.Outcome outcome = new DeadlineFiring(sender, firings, metrics).fire(due, LATE);

        assertThat(seen).hasSize(3);
        assertThat(outcome.published()).containsExactlyElementsOf(due);
        assertThat(outcome.unsent()).isEmpty();
        assertThat(due).allSatisfy(entry -> assertThat(firings.hasPending(entry.id())).isTrue());
    }

    @Test
    void aSendThatFailsAfterTheFirstEventPutsBackEveryOtherClockBuiltOrNot() {
        List<ClockEntry> due = due(4);
        DeadlineEventSender sender = new DeadlineEventSender() {
            @Override
            public void send(OutgoingEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<OutgoingEvent> sendAll(Iterable<OutgoingEvent> events) {
                Iterator<OutgoingEvent> it = events.iterator();
                it.next();
                throw new IllegalStateException("the broker went away");
            }
        };

        DeadlineFiring.Outcome outcome = new DeadlineFiring(sender, firings, metrics).fire(due, LATE);

        assertThat(outcome.published()).isEmpty();
        assertThat(outcome.unsent()).containsExactlyElementsOf(due);
        assertThat(due).noneSatisfy(entry -> assertThat(firings.hasPending(entry.id())).isTrue());
    }
}
