package se.medborgardialog.intake.publishing;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.intake.submission.SubmissionProperties;

/**
 * Puts intake's events on {@code Topics.SUBMISSIONS} as CloudEvents (binary mode), keyed by case id.
 * The binding's producer is synchronous: {@link #publish} returns only once the broker has acknowledged.
 */
@Component
public class IntakeEventPublisher {

    public static final String BINDING = "submissions";

    private static final Logger log = LoggerFactory.getLogger(IntakeEventPublisher.class);

    private final StreamBridge streamBridge;
    private final SubmissionProperties properties;

    IntakeEventPublisher(StreamBridge streamBridge, SubmissionProperties properties) {
        this.streamBridge = streamBridge;
        this.properties = properties;
    }

    /** @throws EventNotAcknowledgedException when the broker did not acknowledge in time */
    public void publish(IntakeEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.json().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key())
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", event.eventId())
                .setHeader("ce_source", EventTypes.SOURCE_INTAKE)
                .setHeader("ce_type", event.type())
                .setHeader("ce_time", event.time().toString())
                .setHeader("ce_subject", event.subject())
                .setHeader("content-type", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message);
        } catch (RuntimeException failure) {
            log.warn("Broker did not acknowledge {} {}: {}", event.type(), event.subject(), rootMessage(failure));
            throw new EventNotAcknowledgedException(properties.retryAfter(), failure);
        }
        if (!sent) {
            log.warn("Broker did not accept {} {}", event.type(), event.subject());
            throw new EventNotAcknowledgedException(properties.retryAfter(), null);
        }
        log.info("Published {} for {}", event.type(), event.subject());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
