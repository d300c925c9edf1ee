package se.medborgardialog.cases.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns case events into CloudEvents (binary mode) on {@code medborgardialog.cases.v1}, keyed by the case id.
 * The output binding is {@code sync}, so {@link #publish} returns only once the broker acknowledged the record,
 * and throws otherwise.
 */
@Component
public class CaseEventPublisher {

    static final String BINDING = "casesOut";

    private final StreamBridge streamBridge;
    private final JsonMapper json;

    CaseEventPublisher(StreamBridge streamBridge, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.json = json;
    }

    /**
     * Prepares an event that happens once in a case's life (its opening) for the outbox. Its id depends only on the
     * case and the kind, so re-publishing is safe.
     */
    public PendingEvent pending(CaseId caseId, String type, Object event, Instant time) {
        return pending(caseId, type, event, time, null);
    }

    /**
     * Prepares an event that may happen more than once in a case's life (assigned, answered again...) for the
     * outbox: {@code occurrence} tells them apart (the case version the change was made on, a linked report's id),
     * so each gets its own id and re-publishing one is still a duplicate consumers drop.
     */
    public PendingEvent pending(CaseId caseId, String type, Object event, Instant time, String occurrence) {
        String name = occurrence == null ? caseId + ":" + type : caseId + ":" + type + ":" + occurrence;
        String eventId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        return new PendingEvent(eventId, type, caseId.toString(), time, json.writeValueAsString(event));
    }

    public void publish(PendingEvent event) {
        publish(BINDING, event);
    }

    /** Publishes on another output binding (same CloudEvents headers, keyed by the event's subject); waits for the ack. */
    public void publish(String binding, PendingEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.subject())
                .setHeader(CloudEvents.SPECVERSION, "1.0")
                .setHeader(CloudEvents.ID, event.eventId())
                .setHeader(CloudEvents.SOURCE, EventTypes.SOURCE_CASES)
                .setHeader(CloudEvents.TYPE, event.type())
                .setHeader(CloudEvents.TIME, event.time().toString())
                .setHeader(CloudEvents.SUBJECT, event.subject())
                .setHeader("content-type", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("Händelsen " + event.type() + " för ärende " + event.subject()
                    + " kunde inte skickas");
        }
    }
}
