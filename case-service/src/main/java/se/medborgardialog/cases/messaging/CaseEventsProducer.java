package se.medborgardialog.cases.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import se.medborgardialog.contracts.Topics;

/**
 * The producer that sends a case's events without waiting for the broker (opening a case from a submission: the
 * acknowledgement comes back on a callback). StreamBridge's {@code casesOut} waits for every acknowledgement; this one
 * is made from the same binder settings (brokers, {@code configuration}, {@code producer-properties},
 * {@code required-acks}) and the same header mapper, to the same destination, so its records are the same.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsProducer {

    private static final String BINDER = "spring.cloud.stream.kafka.binder.";

    @Bean
    KafkaTemplate<String, byte[]> caseEventsTemplate(Environment environment, KafkaHeaderMapper kafkaBinderHeaderMapper) {
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
        config.put(ProducerConfig.CLIENT_ID_CONFIG, environment.getProperty("spring.application.name", "case-service")
                + "-case-events");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        MessagingMessageConverter converter = new MessagingMessageConverter();
        converter.setHeaderMapper(kafkaBinderHeaderMapper);
        template.setMessageConverter(converter);
        template.setDefaultTopic(environment.getProperty("spring.cloud.stream.bindings." + CaseEventPublisher.BINDING
                + ".destination", Topics.CASES));
        return template;
    }
}
