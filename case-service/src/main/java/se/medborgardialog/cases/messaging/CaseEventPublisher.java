package se.medborgardialog.cases.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.KafkaTemplate;
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
 * and throws otherwise; {@link #publishAsync} returns at once and completes when the broker acknowledged it.
 */
@Component
public class CaseEventPublisher {

    static final String BINDING = "casesOut";

    private final StreamBridge streamBridge;
    private final KafkaTemplate<String, byte[]> caseEvents;
    private final JsonMapper json;

    CaseEventPublisher(StreamBridge streamBridge, KafkaTemplate<String, byte[]> caseEventsTemplate, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.caseEvents = caseEventsTemplate;
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
        return new PendingEvent(eventId(caseId, type, occurrence), type, caseId.toString(), time,
                json.writeValueAsString(event));
    }

    /** The deterministic id of a case's event of this type and occurrence (null: one that happens once). */
    public String eventId(CaseId caseId, String type, String occurrence) {
        String name = occurrence == null ? caseId + ":" + type : caseId + ":" + type + ":" + occurrence;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public void publish(PendingEvent event) {
        publish(BINDING, event);
    }

    /**
     * Publishes on {@code medborgardialog.cases.v1} without waiting: the future completes when the broker acknowledged
     * the record, or fails. Records of one case from one thread keep their order (one idempotent producer).
     */
    public CompletableFuture<?> publishAsync(PendingEvent event) {
        try {
            return caseEvents.send(message(event));
        } catch (RuntimeException notSent) {
            return CompletableFuture.failedFuture(notSent);
        }
    }

    /** Publishes on another output binding (same CloudEvents headers, keyed by the event's subject); waits for the ack. */
    public void publish(String binding, PendingEvent event) {
        if (!streamBridge.send(binding, message(event))) {
            throw new IllegalStateException("Händelsen " + event.type() + " för ärende " + event.subject()
                    + " kunde inte skickas");
        }
    }

    private static Message<byte[]> message(PendingEvent event) {
        return MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
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
    }
}
