package se.medborgardialog.sla.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code deadlineWatch} function (group {@code sla-service-watch}): sla-service's own deadline events, whichever
 * instance fired the clock, into the read model; and from the case topic only whether a case was answered, closed or
 * reopened, so a breach leaves the list once the case is answered late. What still fails after the binder's attempts
 * goes to the dead-letter topic.
 */
@Component("deadlineWatch")
class DeadlineWatchConsumer implements Consumer<Message<byte[]>> {

    private final WatchModel model;
    private final JsonMapper json;
    private final MeterRegistry registry;

    DeadlineWatchConsumer(WatchModel model, JsonMapper json, MeterRegistry registry) {
        this.model = model;
        this.json = json;
        this.registry = registry;
    }

    @Override
    public void accept(Message<byte[]> message) {
        String type = CloudEventHeaders.type(message);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            outcome = dispatch(type, message);
        } finally {
            sample.stop(Timer.builder("medborgardialog.messages.processed")
                    .tag("type", type != null && type.startsWith("se.medborgardialog.deadline.") ? type : "other")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private String dispatch(String type, Message<byte[]> message) {
        if (type == null) {
            return "ignored";
        }
        switch (type) {
            case EventTypes.CASE_ANSWERED -> {
                CaseAnswered answered = json.readValue(message.getPayload(), CaseAnswered.class);
                model.caseEnded(answered.caseId(), answered.answeredAt());
                return "processed";
            }
            case EventTypes.CASE_CLOSED -> {
                CaseClosed closed = json.readValue(message.getPayload(), CaseClosed.class);
                model.caseEnded(closed.caseId(), closed.closedAt());
                return "processed";
            }
            case EventTypes.CASE_REOPENED -> {
                model.caseReopened(json.readValue(message.getPayload(), CaseReopened.class).caseId());
                return "processed";
            }
            default -> {
                return ClockChange.read(CloudEventHeaders.id(message), type, CloudEventHeaders.time(message),
                                message.getPayload(), json)
                        .map(change -> model.apply(withId(change)).isPresent() ? "processed" : "duplicate")
                        .orElse("ignored");
            }
        }
    }

    /** An event without a CloudEvent id is still applied once: its type, clock and time stand in for the id. */
    static ClockChange withId(ClockChange change) {
        if (change.eventId() != null) {
            return change;
        }
        return new ClockChange(change.type() + ":" + change.clockId() + ":" + change.at(), change.type(), change.at(),
                change.caseId(), change.clock(), change.unit(), change.guarantee(), change.dueAt(), change.state(),
                change.point(), change.compensation());
    }
}
