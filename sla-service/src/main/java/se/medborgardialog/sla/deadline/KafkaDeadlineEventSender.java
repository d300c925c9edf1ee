package se.medborgardialog.sla.deadline;

import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/** CloudEvents binary mode on Kafka: attributes as {@code ce_*} headers, the contract record as JSON. */
@Component
class KafkaDeadlineEventSender implements DeadlineEventSender {

    /** The declared output binding ({@code spring.cloud.stream.output-bindings}); its producer is {@code sync}. */
    static final String BINDING = "deadlines-out-0";

    private final StreamBridge streamBridge;
    private final JsonMapper json;

    KafkaDeadlineEventSender(StreamBridge streamBridge, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.json = json;
    }

    @Override
    public void send(OutgoingEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(json.writeValueAsBytes(event.payload()))
                .copyHeaders(Map.of(
                        KafkaHeaders.KEY, event.caseId(),
                        "ce_specversion", "1.0",
                        "ce_id", event.eventId(),
                        "ce_source", EventTypes.SOURCE_SLA,
                        "ce_type", event.type(),
                        "ce_time", event.time().toString(),
                        "ce_subject", event.caseId(),
                        "content-type", "application/json"))
                .build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("Could not send " + event.type() + " for case " + event.caseId());
        }
    }
}
