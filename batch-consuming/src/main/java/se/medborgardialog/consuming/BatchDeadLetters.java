package se.medborgardialog.consuming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Retries and dead-letters the failing records of bindings in batch mode one by one.
 *
 * <p>In batch mode the binder's own dead-lettering ({@code enable-dlq}) sends the whole poll to the dead-letter topic
 * without retrying (binder 5.0.2). So a batch binding keeps {@code enable-dlq} off, sets its Kafka binding's
 * {@code dlq-name}, and its container gets the error handler made here: it takes the index the consumer names
 * ({@link org.springframework.kafka.listener.BatchListenerFailedException}), keeps the records before it, retries it
 * with the binding's {@code max-attempts} and back-off, then sends it alone to the binding's {@code dlq-name} with its
 * reason and origin in the binder's headers ({@code x-exception-message}, {@code x-original-topic}...), as on the
 * binder's own dead-letter topics. A failure without an index retries the whole poll, then dead-letters each record.
 *
 * <p>The binder takes a single {@link ListenerContainerCustomizer}: a service gives it one made here for all its batch
 * bindings ({@link #forBindings}). A container is matched to its binding by destination and group.
 */
public final class BatchDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(BatchDeadLetters.class);

    private BatchDeadLetters() {
    }

    /**
     * The container customizer of a service's batch bindings.
     *
     * @param deadLetters sends the dead letters; its serializers must take the records' keys and values as the
     *     bindings' consumers read them (byte arrays, unless a binding sets its own deserializers)
     * @param bindingNames the batch bindings, e.g. {@code submissions-in-0}; other bindings' containers are left alone
     */
    public static ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> forBindings(
            KafkaOperations<?, ?> deadLetters, BindingServiceProperties bindings, Environment environment,
            String... bindingNames) {
        List<String> names = List.of(bindingNames);
        return (container, destination, group) -> names.stream()
                .filter(name -> Objects.equals(destination, bindings.getBindingDestination(name))
                        && Objects.equals(group, bindings.getGroup(name)))
                .findFirst()
                .ifPresent(name -> container.setCommonErrorHandler(errorHandler(name, deadLetters, bindings,
                        environment)));
    }

    /**
     * The container customizer of a service's batch bindings, dead-lettering through a producer of its own: the
     * records' keys and values as they were read (bytes, the bindings' default, or text where a service deserializes
     * keys to strings), to the binder's brokers with the binder's
     * {@code configuration} and {@code producer-properties} (security settings included), created at the first dead
     * letter.
     */
    public static ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> forBindings(
            BindingServiceProperties bindings, Environment environment, String... bindingNames) {
        return forBindings(bytesProducer(environment), bindings, environment, bindingNames);
    }

    private static KafkaTemplate<Object, Object> bytesProducer(Environment environment) {
        Binder binder = Binder.get(environment);
        Bindable<Map<String, String>> settings = Bindable.mapOf(String.class, String.class);
        Map<String, Object> producer = new HashMap<>();
        producer.putAll(binder.bind("spring.cloud.stream.kafka.binder.configuration", settings).orElse(Map.of()));
        producer.putAll(binder.bind("spring.cloud.stream.kafka.binder.producer-properties", settings)
                .orElse(Map.of()));
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"));
        producer.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, asRead(), asRead()));
    }

    /** Keys and values as a binding read them: bytes by default, text where a binding deserializes to strings. */
    private static Serializer<Object> asRead() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        return new DelegatingByTypeSerializer(byType);
    }

    private static DefaultErrorHandler errorHandler(String binding, KafkaOperations<?, ?> template,
            BindingServiceProperties bindings, Environment environment) {
        ConsumerProperties consumer = bindings.getConsumerProperties(binding);
        // the Kafka binding properties live in the binder's own context; the name is read where it is set
        String deadLetters = environment.getRequiredProperty(
                "spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name");
        provision(environment, deadLetters);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                // a negative partition lets the producer choose: the dead-letter topic may have fewer partitions
                (record, failure) -> new TopicPartition(deadLetters, -1));
        recoverer.setHeadersFunction((record, failure) -> {
            Throwable reason = NestedExceptionUtils.getMostSpecificCause(failure);
            return new RecordHeaders(new RecordHeader[] {
                    new RecordHeader("x-original-topic", utf8(record.topic())),
                    new RecordHeader("x-original-partition",
                            ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array()),
                    new RecordHeader("x-original-offset",
                            ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array()),
                    new RecordHeader("x-exception-message", utf8(Objects.requireNonNullElse(reason.getMessage(),
                            reason.getClass().getName()))),
                    new RecordHeader("x-exception-fqcn", utf8(reason.getClass().getName()))});
        });
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(Math.max(0, consumer.getMaxAttempts() - 1));
        backOff.setInitialInterval(consumer.getBackOffInitialInterval());
        backOff.setMaxInterval(consumer.getBackOffMaxInterval());
        backOff.setMultiplier(consumer.getBackOffMultiplier());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    /** The binder provisions a dead-letter topic only with {@code enable-dlq} on: this one is made here, if missing. */
    private static void provision(Environment environment, String topic) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092")));
        admin.setOperationTimeout(10);
        try {
            // the broker's default partitions, as the binder's provisioning does
            admin.createOrModifyTopics(new NewTopic(topic, Optional.empty(), Optional.empty()));
        } catch (RuntimeException notProvisioned) {
            log.warn("Dead-letter topic {} not provisioned, the broker must create it: {}", topic,
                    notProvisioned.getMessage());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
