package se.medborgardialog.reporting.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared half of both consumers: reads {@code ce_type}, dispatches to the handler of that type, times it.
 * Unknown types are ignored. Anything a handler throws propagates, so the binder retries the message and
 * then sends it to the dead-letter topic with the reason in its headers.
 */
@Component
class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    /** Applies an event's payload; answers false when the event is deliberately ignored. */
    @FunctionalInterface
    interface Handler {
        boolean apply(byte[] payload);
    }

    private final JsonMapper json;
    private final MeterRegistry registry;

    IncomingEvents(JsonMapper json, MeterRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    void handle(Message<byte[]> message, Map<String, Handler> handlers) {
        // Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it).
        String type = CloudEventMessageUtils.getType(message);
        Handler handler = type == null ? null : handlers.get(type);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            if (handler == null) {
                log.debug("Event of type {} on {} ignored", type, CloudEventMessageUtils.getSubject(message));
                outcome = "ignored";
            } else if (handler.apply(message.getPayload())) {
                Counter.builder("medborgardialog.reporting.events").tag("type", type).register(registry).increment();
                outcome = "processed";
            } else {
                outcome = "ignored";
            }
        } finally {
            sample.stop(Timer.builder("medborgardialog.messages.processed")
                    .tag("type", handler == null ? "other" : type)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    <T> T read(byte[] payload, Class<T> type) {
        return json.readValue(payload, type);
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Event lacks " + field);
        }
    }

    /** Kafka headers arrive as raw bytes unless a mapper already decoded them. */
}
