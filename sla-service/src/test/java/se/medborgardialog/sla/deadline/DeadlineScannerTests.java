package se.medborgardialog.sla.deadline;

import se.medborgardialog.contracts.CaseType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue;
import se.medborgardialog.sla.guarantee.InMemoryCaseFactsStore;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;

class DeadlineScannerTests {

    /** Monday 23 November 2026, 10:00 in Stockholm; due end of Wednesday 25 November. */
    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    private static final Instant THURSDAY_MIDNIGHT =
            ZonedDateTime.of(2026, 11, 26, 0, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();

    private final MutableClock clock = new MutableClock(MONDAY);
    private final InMemoryDeadlineStore store = new InMemoryDeadlineStore();
    private final List<OutgoingEvent> sent = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SlaProperties properties = new SlaProperties(Duration.ofSeconds(1),
            new SlaProperties.Relay(Duration.ofSeconds(5), Duration.ofSeconds(10), 500, Duration.ofMinutes(1)));
    private final GuaranteeCatalogue catalogue = Catalogues.defaults(clock);
    private final DeadlineClocks clocks = new DeadlineClocks(store, new DeadlineOutbox(store, sent::add),
            new DeadlineMetrics(meters), new SwedishCalendar(), properties, clock, catalogue, new InMemoryCaseFactsStore(), List.of(), new PendingFirings(store));
    private final DeadlineScanner scanner = new DeadlineScanner(clocks);

    private static CaseOpened opened(CaseId caseId) {
        return new CaseOpened(caseId, new SubmissionId(caseId.value()), null, SynpunktKind.KLAGOMAL, "gata-och-trafik",
                Channel.WEB, "stadsmiljo", MONDAY, MONDAY, CaseType.SYNPUNKT, null);
    }

    private List<String> sentTypes() {
        return sent.stream().map(OutgoingEvent::type).toList();
    }

    @Test
    void leavesAClockAloneUntilItsDeadlinePasses() {
        clocks.caseOpened(opened(new CaseId(UUID.randomUUID())));

        clock.set(THURSDAY_MIDNIGHT.minusNanos(1));
        scanner.scan();

        assertThat(sentTypes()).containsExactly(EventTypes.DEADLINE_SCHEDULED);
        assertThat(meters.get("medborgardialog.deadlines.running").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void breachesAnUnansweredClockOnceItsDeadlinePassedAndOnlyOnce() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId));

        clock.set(THURSDAY_MIDNIGHT.plusSeconds(1));
        scanner.scan();
        clock.advance(Duration.ofHours(1));
        scanner.scan();

        assertThat(sentTypes()).containsExactly(EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_BREACHED);
        OutgoingEvent breach = sent.get(1);
        assertThat(breach.caseId()).isEqualTo(caseId.toString());
        assertThat(breach.payload()).isEqualTo(new DeadlineBreached(caseId, "first-answer", "stadsmiljo",
                THURSDAY_MIDNIGHT.minusNanos(1), THURSDAY_MIDNIGHT.plusSeconds(1), Catalogues.SYNPUNKT_FIRST_ANSWER, null));
        assertThat(store.find(caseId + ":first-answer").orElseThrow().status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(meters.get("medborgardialog.deadlines.breached").tag("clock", "first-answer").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("medborgardialog.deadlines.running").gauge().value()).isZero();
    }

    @Test
    void doesNotBreachAClockAnsweredInTime() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId));
        CaseAnswered answered = new CaseAnswered(caseId, "stadsmiljo", MONDAY.plus(Duration.ofHours(5)), "anna");
        clocks.caseAnswered(answered.caseId(), answered.answeredAt());

        clock.set(THURSDAY_MIDNIGHT.plusSeconds(1));
        scanner.scan();

        assertThat(sentTypes()).containsExactly(EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_MET);
        assertThat(meters.get("medborgardialog.deadlines.met").tag("clock", "first-answer").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aLateAnswerAfterTheScannerBreachedPublishesNothingMore() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId));
        clock.set(THURSDAY_MIDNIGHT.plusSeconds(1));
        scanner.scan();

        clocks.caseAnswered(caseId, THURSDAY_MIDNIGHT.plus(Duration.ofHours(9)));
        clocks.caseAnswered(caseId, THURSDAY_MIDNIGHT.plus(Duration.ofHours(9)));

        assertThat(sentTypes()).containsExactly(EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_BREACHED);
        assertThat(store.find(caseId + ":first-answer").orElseThrow().status()).isEqualTo(DeadlineStatus.BREACHED_ANSWERED_LATE);
    }

    @Test
    void leavesAPausedClockAlonePastItsDueTimeAndBreachesItOnlyAfterItsMovedDeadline() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId));
        clocks.caseWaitsForCitizen(caseId, MONDAY.plus(Duration.ofHours(2)));

        clock.set(THURSDAY_MIDNIGHT.plus(Duration.ofDays(1)));
        scanner.scan();
        assertThat(store.findRunningDueBefore(clock.instant(), 10)).isEmpty();
        assertThat(store.find(caseId + ":first-answer").orElseThrow().status()).isEqualTo(DeadlineStatus.PAUSED);
        assertThat(meters.get("medborgardialog.deadlines.running").gauge().value()).isZero();

        // The reply on Friday 27 November gives back Tuesday to Friday: due Tuesday 1 December.
        clocks.citizenReplied(caseId, clock.instant().plus(Duration.ofHours(10)));
        clock.set(ZonedDateTime.of(2026, 12, 1, 23, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant());
        scanner.scan();
        assertThat(sentTypes()).doesNotContain(EventTypes.DEADLINE_BREACHED);
        clock.set(ZonedDateTime.of(2026, 12, 2, 0, 0, 1, 0, SwedishCalendar.STOCKHOLM).toInstant());
        scanner.scan();

        assertThat(sentTypes()).containsExactly(EventTypes.DEADLINE_SCHEDULED, EventTypes.DEADLINE_PAUSED,
                EventTypes.DEADLINE_RESUMED, EventTypes.DEADLINE_BREACHED);
        assertThat(meters.get("medborgardialog.deadlines.paused").tag("clock", "first-answer").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("medborgardialog.deadlines.resumed").tag("clock", "first-answer").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aFailedPublicationStaysPendingUntilItSucceeds() {
        List<OutgoingEvent> delivered = new CopyOnWriteArrayList<>();
        boolean[] brokerUp = {false};
        DeadlineOutbox outbox = new DeadlineOutbox(store, event -> {
            if (!brokerUp[0]) {
                throw new IllegalStateException("broker down");
            }
            delivered.add(event);
        });
        DeadlineClocks withFlakyBroker = new DeadlineClocks(store, outbox, new DeadlineMetrics(new SimpleMeterRegistry()), new SwedishCalendar(),
                properties, clock, catalogue, new InMemoryCaseFactsStore(), List.of(), new PendingFirings(store));
        CaseId caseId = new CaseId(UUID.randomUUID());

        withFlakyBroker.caseOpened(opened(caseId));
        assertThat(store.find(caseId + ":first-answer").orElseThrow().pendingEvents()).hasSize(1);

        brokerUp[0] = true;
        store.findWithEventsPendingSince(clock.instant().plusSeconds(1), 10).forEach(outbox::publishPending);
        store.findWithEventsPendingSince(clock.instant().plusSeconds(1), 10).forEach(outbox::publishPending);

        assertThat(delivered).extracting(OutgoingEvent::type).containsExactly(EventTypes.DEADLINE_SCHEDULED);
        assertThat(store.find(caseId + ":first-answer").orElseThrow().pendingEvents()).isEmpty();
    }

    @Test
    void aNewClocksEventIsNotAwaitedAndLeavesItsDocumentOnlyOnceTheBrokerAcknowledgedIt() throws Exception {
        CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
        List<OutgoingEvent> handedOver = new CopyOnWriteArrayList<>();
        DeadlineOutbox outbox = new DeadlineOutbox(store, new DeadlineEventSender() {
            @Override
            public void send(OutgoingEvent event) {
                throw new AssertionError("sent again while the first send was in flight: " + event.type());
            }

            @Override
            public CompletableFuture<Void> sendAsync(OutgoingEvent event) {
                handedOver.add(event);
                return acknowledgement;
            }
        });
        CaseId caseId = new CaseId(UUID.randomUUID());

        clocksWith(outbox).caseOpened(opened(caseId));

        assertThat(handedOver).extracting(OutgoingEvent::type).containsExactly(EventTypes.DEADLINE_SCHEDULED);
        assertThat(store.find(caseId + ":first-answer").orElseThrow().pendingEvents()).hasSize(1);
        // The relay leaves an event in flight alone (its send would throw).
        store.findWithEventsPendingSince(clock.instant().plusSeconds(1), 10).forEach(outbox::publishPending);

        acknowledgement.complete(null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(store.find(caseId + ":first-answer").orElseThrow().pendingEvents()).isEmpty());
        outbox.destroy();
    }

    @Test
    void aNewClocksEventTheBrokerRefusedStaysPendingAndTheRelaySendsIt() throws Exception {
        List<OutgoingEvent> delivered = new CopyOnWriteArrayList<>();
        DeadlineOutbox outbox = new DeadlineOutbox(store, new DeadlineEventSender() {
            @Override
            public void send(OutgoingEvent event) {
                delivered.add(event);
            }

            @Override
            public CompletableFuture<Void> sendAsync(OutgoingEvent event) {
                return CompletableFuture.runAsync(() -> {
                    throw new IllegalStateException("broker down");
                });
            }
        });
        CaseId caseId = new CaseId(UUID.randomUUID());

        clocksWith(outbox).caseOpened(opened(caseId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            store.findWithEventsPendingSince(clock.instant().plusSeconds(1), 10).forEach(outbox::publishPending);
            assertThat(delivered).extracting(OutgoingEvent::type).containsExactly(EventTypes.DEADLINE_SCHEDULED);
        });

        assertThat(store.find(caseId + ":first-answer").orElseThrow().pendingEvents()).isEmpty();
        outbox.destroy();
    }

    private DeadlineClocks clocksWith(DeadlineOutbox outbox) {
        return new DeadlineClocks(store, outbox, new DeadlineMetrics(new SimpleMeterRegistry()), new SwedishCalendar(),
                properties, clock, catalogue, new InMemoryCaseFactsStore(), List.of(), new PendingFirings(store));
    }
}
