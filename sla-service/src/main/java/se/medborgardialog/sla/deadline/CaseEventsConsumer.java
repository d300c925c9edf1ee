package se.medborgardialog.sla.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import se.medborgardialog.consuming.PollRecords;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseAssigned;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.DecisionDemanded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code caseEvents} function: the case lifecycle topic, consumed raw a poll at a time (batch mode) and dispatched
 * on {@code ce_type}.
 *
 * <p>A poll's records are handled in their order. Consecutive {@code CaseOpened} (the common record) start their
 * clocks together ({@link DeadlineClocks#openAll}: a handful of store round trips for the run, not a few per case);
 * everything else (an answer, a closure, a pause, a record that cannot be read) goes one at a time, in its place, after
 * the openings before it. A record that fails is named to the container by its index
 * ({@link BatchListenerFailedException}): the records before it stay done, it is retried with the binding's attempts
 * and back-off and finally dead-lettered alone ({@code BatchDeadLetterConfiguration}), and the records after it come
 * again. Every record is idempotent, so a poll delivered again schedules nothing twice.
 */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private static final String METRIC = "medborgardialog.messages.processed";
    private static final Set<String> KNOWN = Set.of(EventTypes.CASE_OPENED, EventTypes.CASE_ANSWERED,
            EventTypes.CASE_CLOSED, EventTypes.CITIZEN_INFO_REQUESTED, EventTypes.CITIZEN_INFO_RECEIVED,
            EventTypes.CASE_FORWARDED, EventTypes.CASE_ASSIGNED, EventTypes.AVVIKELSE_STEP_RECORDED,
            EventTypes.DECISION_DEMANDED);

    private final DeadlineClocks clocks;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final List<CaseEventsProgress> progress;

    CaseEventsConsumer(DeadlineClocks clocks, JsonMapper json, MeterRegistry registry, List<CaseEventsProgress> progress) {
        this.clocks = clocks;
        this.json = json;
        this.registry = registry;
        this.progress = List.copyOf(progress);
    }

    @Override
    public void accept(Message<List<byte[]>> poll) {
        List<Message<byte[]>> records = PollRecords.of(poll);
        log.debug("Poll of {} case events", records.size());
        Openings run = new Openings();
        for (int index = 0; index < records.size(); index++) {
            Message<byte[]> record = records.get(index);
            Position position = Position.of(record);
            // Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it).
            String type = CloudEventMessageUtils.getType(record);
            CaseOpened opened = EventTypes.CASE_OPENED.equals(type) ? opening(record.getPayload()) : null;
            if (opened != null) {
                run.add(index, position, opened);
                continue;
            }
            run.open();
            try {
                handle(type, record.getPayload(), position);
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, index);
            }
        }
        run.open();
    }

    /** One record on its own, timed and counted as before batch mode; its partition's progress moves on. */
    private void handle(String type, byte[] payload, Position position) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            outcome = dispatch(type, payload);
        } finally {
            handled(position, !"failed".equals(outcome));
            sample.stop(Timer.builder(METRIC)
                    .tag("type", isKnown(type) ? type : "other")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    /** The record as a valid {@code CaseOpened}; null when it is not one (the one-by-one path then fails it). */
    private CaseOpened opening(byte[] payload) {
        try {
            return valid(json.readValue(payload, CaseOpened.class));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static CaseOpened valid(CaseOpened opened) {
        require(opened.caseId(), "caseId");
        require(opened.receivedAt(), "receivedAt");
        return opened;
    }

    /** Where a record of the poll was read: its topic, partition and offset. */
    private record Position(String topic, int partition, long offset) {

        /** From the record's own headers ({@link PollRecords} gives each its place); null when they are missing. */
        static Position of(Message<?> record) {
            MessageHeaders headers = record.getHeaders();
            return headers.get(KafkaHeaders.RECEIVED_TOPIC) instanceof String topic
                    && headers.get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer partition
                    && headers.get(KafkaHeaders.OFFSET) instanceof Long offset
                    ? new Position(topic, partition, offset) : null;
        }
    }

    /** Consecutive openings of a poll, started together when something else comes or the poll ends. */
    private final class Openings {

        private final List<Integer> indexes = new ArrayList<>();
        private final List<Position> positions = new ArrayList<>();
        private final List<CaseOpened> openings = new ArrayList<>();

        void add(int index, Position position, CaseOpened opened) {
            indexes.add(index);
            positions.add(position);
            openings.add(opened);
        }

        void open() {
            if (openings.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            try {
                clocks.openAll(openings);
            } catch (RuntimeException failed) {
                // retried from its first record: what the run wrote is found then, and nothing starts twice
                timer(EventTypes.CASE_OPENED, "failed").record(Duration.ofNanos(System.nanoTime() - start));
                handled(positions.get(0), false);
                throw new BatchListenerFailedException(failed.getMessage(), failed, indexes.get(0));
            }
            Duration share = Duration.ofNanos((System.nanoTime() - start) / openings.size());
            Timer processed = timer(EventTypes.CASE_OPENED, "processed");
            positions.forEach(position -> {
                processed.record(share);
                handled(position, true);
            });
            indexes.clear();
            positions.clear();
            openings.clear();
        }
    }

    private Timer timer(String type, String outcome) {
        return Timer.builder(METRIC).tag("type", type).tag("outcome", outcome).register(registry);
    }

    private String dispatch(String type, byte[] payload) {
        if (type == null) {
            log.debug("Message without ce_type ignored");
            return "ignored";
        }
        switch (type) {
            case EventTypes.CASE_OPENED -> clocks.caseOpened(valid(json.readValue(payload, CaseOpened.class)));
            case EventTypes.CASE_ANSWERED -> {
                CaseAnswered answered = json.readValue(payload, CaseAnswered.class);
                require(answered.caseId(), "caseId");
                require(answered.answeredAt(), "answeredAt");
                clocks.caseAnswered(answered.caseId(), answered.answeredAt());
            }
            case EventTypes.CASE_CLOSED -> {
                // Closing without an answer (an anonymous synpunkt cannot be answered) also stops the clock.
                CaseClosed closed = json.readValue(payload, CaseClosed.class);
                require(closed.caseId(), "caseId");
                require(closed.closedAt(), "closedAt");
                clocks.caseClosed(closed.caseId(), closed.closedAt());
            }
            case EventTypes.CASE_ASSIGNED -> {
                CaseAssigned assigned = json.readValue(payload, CaseAssigned.class);
                require(assigned.caseId(), "caseId");
                require(assigned.assignedAt(), "assignedAt");
                if (assigned.assignee() == null) {
                    // Released back to the queue: nobody acknowledged anything.
                    return "ignored";
                }
                clocks.caseAssigned(assigned.caseId(), assigned.assignedAt());
            }
            case EventTypes.AVVIKELSE_STEP_RECORDED -> {
                AvvikelseStepRecorded recorded = json.readValue(payload, AvvikelseStepRecorded.class);
                require(recorded.caseId(), "caseId");
                require(recorded.step(), "step");
                require(recorded.occurredAt(), "occurredAt");
                clocks.avvikelseStep(recorded.caseId(), recorded.step(), recorded.serious(), recorded.occurredAt());
            }
            case EventTypes.DECISION_DEMANDED -> {
                DecisionDemanded demanded = json.readValue(payload, DecisionDemanded.class);
                require(demanded.caseId(), "caseId");
                require(demanded.demandedAt(), "demandedAt");
                clocks.decisionDemanded(demanded.caseId(), demanded.demandedAt());
            }
            case EventTypes.CITIZEN_INFO_REQUESTED -> {
                CitizenInfoRequested requested = json.readValue(payload, CitizenInfoRequested.class);
                require(requested.caseId(), "caseId");
                require(requested.requestedAt(), "requestedAt");
                clocks.caseWaitsForCitizen(requested.caseId(), requested.requestedAt());
            }
            case EventTypes.CITIZEN_INFO_RECEIVED -> {
                CitizenInfoReceived received = json.readValue(payload, CitizenInfoReceived.class);
                require(received.caseId(), "caseId");
                require(received.receivedAt(), "receivedAt");
                clocks.citizenReplied(received.caseId(), received.receivedAt());
            }
            case EventTypes.CASE_FORWARDED -> {
                CaseForwarded forwarded = json.readValue(payload, CaseForwarded.class);
                require(forwarded.caseId(), "caseId");
                require(forwarded.toUnit(), "toUnit");
                require(forwarded.forwardedAt(), "forwardedAt");
                clocks.caseForwarded(forwarded.caseId(), forwarded.toUnit(), forwarded.forwardedAt());
            }
            default -> {
                log.debug("Event type {} ignored", type);
                return "ignored";
            }
        }
        return "processed";
    }

    /** The record's effects are written (or it failed): its partition's progress moves on. */
    private void handled(Position position, boolean applied) {
        if (position != null) {
            progress.forEach(p -> p.handled(position.topic(), position.partition(), position.offset(), applied));
        }
    }

    private static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Event lacks " + field);
        }
    }

}
