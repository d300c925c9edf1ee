package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.testsupport.MutableClock;

/** What happens when Kafka does not acknowledge: the event stays in the document, in order, for the relay. */
class CaseOutboxTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final CaseEventPublisher publisher = mock(CaseEventPublisher.class);
    private final CaseStore store = mock(CaseStore.class);
    private final MutableClock clock = new MutableClock(NOW);
    private final PublishedMarks marks = new PublishedMarks(store);
    private final CaseOutbox outbox = new CaseOutbox(publisher, store, marks,
            new OutboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(1)), clock);

    private final Case aCase = Case.open(aSubmission().build(), new Diarienummer("2026-000001"), "stadsmiljo", NOW);
    private final PendingEvent opened = new PendingEvent("e1", "opened", aCase.caseId().toString(), NOW, "{}");
    private final PendingEvent answered = new PendingEvent("e2", "answered", aCase.caseId().toString(), NOW, "{}");

    @Test
    void leavesTheEventPendingWhenKafkaDoesNotAcknowledge() {
        doThrow(new IllegalStateException("broker gone")).when(publisher).publish(opened);

        assertThat(outbox.flush(aCase.caseId(), opened)).isFalse();

        verify(store, never()).markPublished(any(), any());
    }

    @Test
    void removesTheEventOnlyAfterKafkaAcknowledged() {
        assertThat(outbox.flush(aCase.caseId(), opened)).isTrue();

        verify(publisher).publish(opened);
        verify(store).markPublished(aCase.caseId(), "e1");
    }

    @Test
    void neverLetsALaterEventOvertakeAnEarlierPendingOne() {
        aCase.stage(opened);
        aCase.stage(answered);
        doThrow(new IllegalStateException("broker gone")).when(publisher).publish(opened);

        assertThat(outbox.flushInOrder(aCase)).isFalse();

        verify(publisher, never()).publish(answered);
    }

    @Test
    void marksAnEventSentWithoutWaitingPublishedOnlyOnceKafkaAcknowledged() throws Exception {
        CompletableFuture<Object> acknowledgement = new CompletableFuture<>();
        doReturn(acknowledgement).when(publisher).publishAsync(opened);

        outbox.flushAsync(aCase.caseId(), opened);
        verify(store, never()).markPublished(any());
        assertThat(marks.isUnderway("e1")).isTrue();

        acknowledgement.complete(null);
        marks.close();
        verify(store).markPublished(Map.of(aCase.caseId(), List.of("e1")));
        assertThat(marks.isUnderway("e1")).isFalse();
    }

    @Test
    void leavesAnEventSentWithoutWaitingPendingForTheRelayWhenKafkaRefusesIt() throws Exception {
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone"))).when(publisher)
                .publishAsync(opened);

        outbox.flushAsync(aCase.caseId(), opened);
        marks.close();

        verify(store, never()).markPublished(any());
        assertThat(marks.isUnderway("e1")).isFalse();
    }

    @Test
    void relaysOnlyEventsOlderThanTheGracePeriod() {
        aCase.stage(opened);
        when(store.withEventsPendingSince(any())).thenReturn(List.of(aCase));

        clock.set(NOW.plusSeconds(5));
        assertThat(outbox.relayPending()).isZero();
        clock.set(NOW.plusSeconds(11));
        assertThat(outbox.relayPending()).isEqualTo(1);

        verify(publisher, times(1)).publish(opened);
    }

    @Test
    void scansForPendingEventsOnlyAfterStartAFailedSendOrASweep() {
        when(store.withEventsPendingSince(any())).thenReturn(List.of());
        outbox.relayIfDue();
        verify(store, never()).withEventsPendingSince(any());

        clock.set(NOW.plusSeconds(10));
        outbox.relayIfDue();
        verify(store, times(1)).withEventsPendingSince(any());
        for (int ask = 0; ask < 10; ask++) {
            clock.advance(Duration.ofSeconds(5));
            outbox.relayIfDue();
        }
        verify(store, times(1)).withEventsPendingSince(any());

        doThrow(new IllegalStateException("broker gone")).when(publisher).publish(opened);
        assertThat(outbox.flush(aCase.caseId(), opened)).isFalse();
        outbox.relayIfDue();
        verify(store, times(1)).withEventsPendingSince(any());
        clock.advance(Duration.ofSeconds(10));
        outbox.relayIfDue();
        verify(store, times(2)).withEventsPendingSince(any());

        for (int ask = 0; ask < 12; ask++) {
            outbox.relayIfDue();
        }
        verify(store, times(3)).withEventsPendingSince(any());
    }
}
