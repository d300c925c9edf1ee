package se.medborgardialog.intake.submission;

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

/**
 * Puts submissions on {@code Topics.SUBMISSIONS} as CloudEvents (binary mode), keyed by the submission id.
 * The binding's producer is synchronous: {@link #publish} returns only once the broker has acknowledged.
 */
@Component
class SubmissionPublisher {

    static final String BINDING = "submissions";

    private static final Logger log = LoggerFactory.getLogger(SubmissionPublisher.class);

    private final StreamBridge streamBridge;
    private final SubmissionProperties properties;

    SubmissionPublisher(StreamBridge streamBridge, SubmissionProperties properties) {
        this.streamBridge = streamBridge;
        this.properties = properties;
    }

    /** @throws SubmissionNotAcknowledgedException when the broker did not acknowledge in time */
    void publish(SubmissionEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.json().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.submissionId())
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", event.eventId())
                .setHeader("ce_source", EventTypes.SOURCE_INTAKE)
                .setHeader("ce_type", EventTypes.SYNPUNKT_SUBMITTED)
                .setHeader("ce_time", event.submittedAt().toString())
                .setHeader("ce_subject", event.submissionId())
                .setHeader("content-type", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message);
        } catch (RuntimeException failure) {
            log.warn("Broker did not acknowledge submission {}: {}", event.submissionId(), rootMessage(failure));
            throw new SubmissionNotAcknowledgedException(properties.retryAfter(), failure);
        }
        if (!sent) {
            log.warn("Broker did not accept submission {}", event.submissionId());
            throw new SubmissionNotAcknowledgedException(properties.retryAfter(), null);
        }
        log.info("Published SynpunktSubmitted for submission {}", event.submissionId());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
