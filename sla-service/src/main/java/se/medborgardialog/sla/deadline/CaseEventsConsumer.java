package se.medborgardialog.sla.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
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
 * The {@code caseEvents} function: the case lifecycle topic, consumed raw and dispatched on {@code ce_type}.
 * Anything that throws here is retried by the binder and then sent to the dead-letter topic.
 */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private static final Set<String> KNOWN = Set.of(EventTypes.CASE_OPENED, EventTypes.CASE_ANSWERED,
            EventTypes.CASE_CLOSED, EventTypes.CITIZEN_INFO_REQUESTED, EventTypes.CITIZEN_INFO_RECEIVED,
            EventTypes.CASE_FORWARDED, EventTypes.CASE_ASSIGNED, EventTypes.AVVIKELSE_STEP_RECORDED,
            EventTypes.DECISION_DEMANDED);

    private final DeadlineClocks clocks;
    private final JsonMapper json;
    private final MeterRegistry registry;

    CaseEventsConsumer(DeadlineClocks clocks, JsonMapper json, MeterRegistry registry) {
        this.clocks = clocks;
        this.json = json;
        this.registry = registry;
    }

    @Override
    public void accept(Message<byte[]> message) {
        // Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it).
        String type = CloudEventMessageUtils.getType(message);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            outcome = dispatch(type, message.getPayload());
        } finally {
            sample.stop(Timer.builder("medborgardialog.messages.processed")
                    .tag("type", isKnown(type) ? type : "other")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private String dispatch(String type, byte[] payload) {
        if (type == null) {
            log.debug("Message without ce_type ignored");
            return "ignored";
        }
        switch (type) {
            case EventTypes.CASE_OPENED -> {
                CaseOpened opened = json.readValue(payload, CaseOpened.class);
                require(opened.caseId(), "caseId");
                require(opened.receivedAt(), "receivedAt");
                clocks.caseOpened(opened);
            }
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

    private static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Event lacks " + field);
        }
    }

}
