package se.medborgardialog.cases.opening;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import se.medborgardialog.consuming.BatchDeadLetters;

/**
 * Retries and dead-letters the submissions binding's failing records one by one ({@link BatchDeadLetters}): in batch
 * mode the binder's own dead-lettering would send the whole poll, so {@code enable-dlq} is off for this binding and the
 * failing record goes alone to its {@code dlq-name}, with its reason in the binder's {@code x-} headers.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionsErrorHandling {

    static final String BINDING = "submissions-in-0";

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> submissionsErrorHandler(
            KafkaTemplate<String, byte[]> caseEventsTemplate, BindingServiceProperties bindings,
            Environment environment) {
        return BatchDeadLetters.forBindings(caseEventsTemplate, bindings, environment, BINDING);
    }
}
