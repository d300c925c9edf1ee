package se.medborgardialog.reporting.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The three consumers ({@code caseEvents}, {@code deadlineEvents}, {@code submissionEvents}): read {@code ce_type},
 * apply the event's change to the fact, time it. Unknown types are ignored. Anything that throws propagates, so the
 * binder retries the message and then sends it to the dead-letter topic with the reason in its headers.
 */
@Component
class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final FactEvents events;
    private final CaseFacts facts;
    private final MeterRegistry registry;

    IncomingEvents(FactEvents events, CaseFacts facts, MeterRegistry registry) {
        this.events = events;
        this.facts = facts;
        this.registry = registry;
    }

    void handle(Message<byte[]> message) {
        // Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it).
        String type = CloudEventMessageUtils.getType(message);
        boolean known = events.counts(type);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Optional<FactEvents.Change> change = events.read(type, message.getPayload());
            if (change.isEmpty()) {
                log.debug("Event of type {} on {} ignored", type, CloudEventMessageUtils.getSubject(message));
                outcome = "ignored";
            } else {
                boolean changed = facts.apply(change.get().factId(), change.get().transition());
                Counter.builder("medborgardialog.reporting.events").tag("type", type).register(registry).increment();
                log.debug("Fact {} {} by {}", change.get().factId(), changed ? "changed" : "unchanged (duplicate)", type);
                outcome = "processed";
            }
        } finally {
            sample.stop(Timer.builder("medborgardialog.messages.processed")
                    .tag("type", known ? type : "other")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Event lacks " + field);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        @Bean
        Consumer<Message<byte[]>> caseEvents(IncomingEvents incoming) {
            return incoming::handle;
        }

        @Bean
        Consumer<Message<byte[]>> deadlineEvents(IncomingEvents incoming) {
            return incoming::handle;
        }

        @Bean
        Consumer<Message<byte[]>> submissionEvents(IncomingEvents incoming) {
            return incoming::handle;
        }
    }
}
