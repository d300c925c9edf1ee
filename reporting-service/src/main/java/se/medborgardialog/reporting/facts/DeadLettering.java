package se.medborgardialog.reporting.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import se.medborgardialog.consuming.BatchDeadLetters;

/**
 * The event bindings consume in batch mode, where the binder's own dead-lettering would send a whole poll to the
 * dead-letter topic: their failing records are retried and dead-lettered one by one instead ({@link BatchDeadLetters},
 * {@code enable-dlq} off, each binding's {@code dlq-name}), through a producer of the binder's brokers and settings.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettering {

    static final List<String> BATCH_BINDINGS = List.of("caseEvents-in-0", "deadlineEvents-in-0", "submissionEvents-in-0");
    private static final String BINDER = "spring.cloud.stream.kafka.binder.";

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> eventsErrorHandler(Environment environment,
            BindingServiceProperties bindings) {
        return BatchDeadLetters.forBindings(deadLetters(environment), bindings, environment,
                BATCH_BINDINGS.toArray(String[]::new));
    }

    /** Keys as the bindings read them (strings), values as bytes. */
    private static KafkaTemplate<String, byte[]> deadLetters(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> config = new HashMap<>();
        config.putAll(binder.bind(BINDER + "configuration", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        config.putAll(binder.bind(BINDER + "producer-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",",
                binder.bind(BINDER + "brokers", Bindable.listOf(String.class)).orElse(List.of("localhost:9092"))));
        config.put(ProducerConfig.ACKS_CONFIG, environment.getProperty(BINDER + "required-acks", "all"));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "reporting-service") + "-dead-letters");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
