package se.medborgardialog.cases.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Dispatches raw messages on their {@code ce_type} and times each in {@code medborgardialog.messages.processed}
 * (tags {@code type}, {@code outcome}). Unknown types are ignored; a handler's exception propagates so the binder
 * retries and finally dead-letters the message.
 */
@Component
public class InboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);
    static final String METRIC = "medborgardialog.messages.processed";

    /** Handles one payload; returns the outcome tag, e.g. {@code processed} or {@code duplicate}. */
    @FunctionalInterface
    public interface Handler {
        String handle(byte[] payload);
    }

    private final MeterRegistry meters;

    InboundDispatcher(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The message's {@code ce_type}, whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it). */
    public static String typeOf(Message<?> message) {
        return Objects.requireNonNullElse(CloudEventMessageUtils.getType(message), "");
    }

    /** Counts a message handled outside {@link #dispatch} (with others, in one batch): its share of the time taken. */
    public void handled(String type, String outcome, Duration took) {
        meters.timer(METRIC, "type", type, "outcome", outcome).record(took);
    }

    public void dispatch(Message<byte[]> message, Map<String, Handler> handlers) {
        String type = typeOf(message);
        Handler handler = handlers.get(type);
        Timer.Sample sample = Timer.start(meters);
        if (handler == null) {
            log.debug("Ignoring message of unknown type '{}'", type);
            // one tag value for all unknown types keeps the metric's cardinality bounded
            sample.stop(meters.timer(METRIC, "type", "other", "outcome", "ignored"));
            return;
        }
        String outcome = "failed";
        try {
            outcome = handler.handle(message.getPayload());
        } finally {
            sample.stop(meters.timer(METRIC, "type", type, "outcome", outcome));
        }
    }
}
