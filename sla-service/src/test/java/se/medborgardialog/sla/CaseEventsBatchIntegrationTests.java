package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineClocks;
import se.medborgardialog.sla.deadline.DeadlineStatus;

/**
 * The case events consumed a poll at a time: consecutive {@code CaseOpened} start their clocks together, everything else
 * one at a time in its place, a failing record is retried and dead-lettered alone; a poll delivered again and two
 * batches over the same cases at once schedule each clock once (setup in {@link SlaIntegrationTestSupport}).
 */
class CaseEventsBatchIntegrationTests extends SlaIntegrationTestSupport {

    private static final List<ConsumerRecord<String, byte[]>> deadLettered = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, byte[]> dltReader;

    @Autowired
    DeadlineClocks clocks;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @BeforeEach
    void connectDeadLetters() {
        if (dltReader == null) {
            dltReader = cases.reader(DLT);
        }
    }

    @AfterAll
    static void disconnectDeadLetters() {
        if (dltReader != null) {
            dltReader.close();
            dltReader = null;
            deadLettered.clear();
        }
    }

    @Test
    void aPollMixingNewDuplicateAnsweredClosedAndPoisonRecordsStartsEachClockOnceAndDeadLettersThePoisonAlone() {
        CaseId first = newCase();
        CaseId answered = newCase();
        CaseId poisoned = newCase();
        CaseId closed = newCase();
        CaseId last = newCase();
        Instant answeredAt = MONDAY.plus(Duration.ofHours(2));
        double openedBefore = processed(EventTypes.CASE_OPENED, "processed");

        cases.sendTogether(List.of(
                opening(first),
                opening(answered),
                opening(first),
                cases.event(answered, EventTypes.CASE_ANSWERED, new CaseAnswered(answered, "stadsmiljo", answeredAt, "anna")),
                cases.event(poisoned, EventTypes.CASE_OPENED, "{ not json".getBytes(StandardCharsets.UTF_8)),
                opening(closed),
                cases.event(closed, EventTypes.CASE_CLOSED, CaseTopic.closed(closed, answeredAt)),
                opening(last),
                opening(last)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            deadLettered.addAll(CaseTopic.poll(dltReader));
            assertThat(deadLettered).filteredOn(r -> poisoned.toString().equals(r.key())).singleElement()
                    .satisfies(r -> {
                        assertThat(CaseTopic.header(r, "x-exception-message")).isNotBlank();
                        assertThat(CaseTopic.header(r, "x-original-topic")).isEqualTo("medborgardialog.cases.v1");
                        assertThat(CaseTopic.header(r, "ce_type")).isEqualTo(EventTypes.CASE_OPENED);
                    });
        });
        awaitOne(last, EventTypes.DEADLINE_SCHEDULED);
        awaitOne(answered, EventTypes.DEADLINE_MET);
        awaitOne(closed, EventTypes.DEADLINE_MET);
        awaitBarrier();

        for (CaseId caseId : List.of(first, answered, closed, last)) {
            assertThat(eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED)).as("scheduled %s", caseId).hasSize(1);
            assertThat(store.findByCase(caseId.toString())).as("clocks of %s", caseId).hasSize(1);
        }
        assertThat(status(first)).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(status(answered)).isEqualTo(DeadlineStatus.MET);
        assertThat(status(closed)).isEqualTo(DeadlineStatus.MET);
        assertThat(eventsOf(poisoned, EventTypes.DEADLINE_SCHEDULED)).isEmpty();
        deadLettered.addAll(CaseTopic.poll(dltReader));
        assertThat(deadLettered).extracting(ConsumerRecord::key)
                .doesNotContain(first.toString(), answered.toString(), closed.toString(), last.toString());
        // six openings handled (two of them duplicates), each counted; the poison counted as failed
        assertThat(processed(EventTypes.CASE_OPENED, "processed") - openedBefore).isGreaterThanOrEqualTo(6);
        assertThat(processed(EventTypes.CASE_OPENED, "failed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPollDeliveredAgainStartsNoClockTwice() {
        List<CaseOpened> poll = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            poll.add(CaseTopic.opened(newCase(), "stadsmiljo", MONDAY));
        }
        CaseId streetLight = newCase();
        // a felanmälan about street lighting: two clocks (the first answer and the repair guarantee) in one batch
        poll.add(new CaseOpened(streetLight, new SubmissionId(streetLight.value()), null, null, "gatubelysning",
                Channel.WEB, "stadsmiljo", MONDAY, MONDAY, CaseType.FELANMALAN, null));

        clocks.openAll(poll);
        clocks.openAll(poll);
        cases.sendTogether(poll.stream().map(opened -> cases.event(opened.caseId(), EventTypes.CASE_OPENED, opened))
                .toList());

        await().atMost(PATIENCE).until(() -> eventsOf(streetLight, EventTypes.DEADLINE_SCHEDULED), list -> list.size() == 2);
        awaitBarrier();
        for (CaseOpened opened : poll) {
            int expected = opened.caseId().equals(streetLight) ? 2 : 1;
            assertThat(store.findByCase(opened.caseId().toString())).hasSize(expected);
            assertThat(eventsOf(opened.caseId(), EventTypes.DEADLINE_SCHEDULED)).hasSize(expected);
        }
    }

    @Test
    void twoBatchesOverTheSameCasesAtOnceStartEachClockOnce() throws Exception {
        List<CaseOpened> poll = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            poll.add(CaseTopic.opened(newCase(), "stadsmiljo", MONDAY));
        }
        List<CaseOpened> reversed = new ArrayList<>(poll);
        java.util.Collections.reverse(reversed);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (List<CaseOpened> batch : List.of(poll, reversed)) {
                batches.add(instances.submit(() -> {
                    start.await();
                    clocks.openAll(batch);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> batch : batches) {
                batch.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        awaitBarrier();
        for (CaseOpened opened : poll) {
            assertThat(store.findByCase(opened.caseId().toString())).singleElement()
                    .satisfies(deadline -> assertThat(deadline.status()).isEqualTo(DeadlineStatus.RUNNING));
            assertThat(eventsOf(opened.caseId(), EventTypes.DEADLINE_SCHEDULED)).hasSize(1);
        }
    }

    @Test
    void aPollsRecordsMoveTheirPartitionsCheckpoint() {
        CaseId caseId = newCase();
        long before = checkpointed();
        List<CaseTopic.Event> again = new ArrayList<>();
        for (int time = 0; time < 40; time++) {
            again.add(opening(caseId)); // one key, one partition: 40 records, more than one checkpoint's worth (32)
        }

        cases.sendTogether(again);

        await().atMost(PATIENCE).until(() -> checkpointed() >= before + 32);
        assertThat(store.findByCase(caseId.toString())).hasSize(1);
    }

    /** The sum of the cases topic's stored checkpoints (next offsets per partition). */
    private long checkpointed() {
        long sum = 0;
        for (org.bson.Document checkpoint : mongo.findAll(org.bson.Document.class, "case_checkpoints")) {
            sum += checkpoint.get("offset", Number.class).longValue();
        }
        return sum;
    }

    private CaseTopic.Event opening(CaseId caseId) {
        return cases.event(caseId, EventTypes.CASE_OPENED, CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
    }

    private DeadlineStatus status(CaseId caseId) {
        return store.findByCase(caseId.toString()).stream().map(Deadline::status).findFirst().orElseThrow();
    }

    private double processed(String type, String outcome) {
        var timer = meters.find("medborgardialog.messages.processed").tag("type", type).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
