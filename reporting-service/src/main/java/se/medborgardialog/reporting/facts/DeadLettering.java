package se.medborgardialog.reporting.facts;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import se.medborgardialog.consuming.BatchDeadLetters;

/**
 * The event bindings consume in batch mode, where the binder's own dead-lettering would send a whole poll to the
 * dead-letter topic: their failing records are retried and dead-lettered one by one instead ({@link BatchDeadLetters},
 * {@code enable-dlq} off, each binding's {@code dlq-name}), through its producer of the binder's brokers and settings.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettering {

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> eventsErrorHandler(Environment environment,
            BindingServiceProperties bindings) {
        return BatchDeadLetters.forBindings(bindings, environment,
                "caseEvents-in-0", "deadlineEvents-in-0", "submissionEvents-in-0");
    }
}
