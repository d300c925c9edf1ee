package se.medborgardialog.sla;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import se.medborgardialog.consuming.BatchDeadLetters;

/**
 * The bindings consumed a poll at a time ({@code batch-mode}) retry a failing record alone and dead-letter it alone to
 * their {@code dlq-name} ({@link BatchDeadLetters}, through its producer of the binder's settings: keys as text, values
 * as bytes, as the bindings read them); their {@code enable-dlq} is off, as the binder would dead-letter the whole
 * poll. The binder takes one container customizer, so every batch binding of sla-service is named here.
 */
@Configuration(proxyBeanMethods = false)
class BatchDeadLetterConfiguration {

    static final String CASE_EVENTS = "caseEvents-in-0";

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> batchDeadLetters(
            BindingServiceProperties bindings, Environment environment) {
        return BatchDeadLetters.forBindings(bindings, environment, CASE_EVENTS);
    }
}
