package se.medborgardialog.sla;

import java.util.HashMap;
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
 * The bindings consumed a poll at a time ({@code batch-mode}) retry a failing record alone and dead-letter it alone to
 * their {@code dlq-name} ({@link BatchDeadLetters}); their {@code enable-dlq} is off, as the binder would dead-letter
 * the whole poll. The binder takes one container customizer, so every batch binding of sla-service is named here.
 */
@Configuration(proxyBeanMethods = false)
class BatchDeadLetterConfiguration {

    static final String CASE_EVENTS = "caseEvents-in-0";
    private static final String BINDER = "spring.cloud.stream.kafka.binder.";

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> batchDeadLetters(
            BindingServiceProperties bindings, Environment environment) {
        return BatchDeadLetters.forBindings(deadLetterTemplate(environment), bindings, environment, CASE_EVENTS);
    }

    /** The records' keys as the bindings read them (String, the binder's key deserializer), their values as bytes. */
    private static KafkaTemplate<String, byte[]> deadLetterTemplate(Environment environment) {
        Map<String, Object> config = new HashMap<>(Binder.get(environment).bind(BINDER + "producer-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty(BINDER + "brokers", "localhost:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, environment.getProperty("spring.application.name", "sla-service")
                + "-dead-letters");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
