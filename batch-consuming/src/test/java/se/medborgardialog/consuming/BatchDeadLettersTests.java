package se.medborgardialog.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.mock.env.MockEnvironment;

/** A poll with a poison record in the middle, on a real broker: the others are handled once, the poison dead-lettered alone. */
class BatchDeadLettersTests {

    private static final String TOPIC = "things";
    private static final String DEAD_LETTERS = "things.dlt";

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaTemplate<byte[], byte[]> template;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    @AfterAll
    static void stopBroker() {
        template.destroy();
        broker.destroy();
    }

    @Test
    void thePollsFailingRecordIsRetriedAndDeadLetteredAloneWithItsReason() throws Exception {
        template.send(TOPIC, utf8("one-key"), utf8("first")).get();
        template.send(TOPIC, null, utf8("poison")).get();
        template.send(TOPIC, utf8("one-key"), utf8("second")).get();
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger poisonAttempts = new AtomicInteger();
        KafkaMessageListenerContainer<byte[], byte[]> container = container("things-group",
                (BatchMessageListener<byte[], byte[]>) poll -> {
                    for (int index = 0; index < poll.size(); index++) {
                        String value = new String(poll.get(index).value(), StandardCharsets.UTF_8);
                        if (value.equals("poison")) {
                            poisonAttempts.incrementAndGet();
                            throw new BatchListenerFailedException("record " + index, 
                                    new IllegalArgumentException("Nobody can read this"), index);
                        }
                        handled.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
                    }
                });

        customizer().configure(container, TOPIC, "things-group");
        container.start();
        try {
            List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsKey("second"));

            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(text(letter.value())).isEqualTo("poison");
                assertThat(text(letter.headers().lastHeader("x-exception-message").value()))
                        .isEqualTo("Nobody can read this");
                assertThat(text(letter.headers().lastHeader("x-original-topic").value())).isEqualTo(TOPIC);
            });
            assertThat(poisonAttempts).hasValue(3);
            assertThat(handled).containsOnlyKeys("first", "second");
            assertThat(handled.get("first")).hasValue(1);
            assertThat(handled.get("second")).hasValue(1);
        } finally {
            container.stop();
        }
    }

    @Test
    void otherBindingsContainersAreLeftAlone() {
        KafkaMessageListenerContainer<byte[], byte[]> container = container("another-group",
                (BatchMessageListener<byte[], byte[]>) poll -> { });

        customizer().configure(container, TOPIC, "another-group");

        assertThat(container.getCommonErrorHandler()).isNull();
    }

    private static ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> customizer() {
        ConsumerProperties consumer = new ConsumerProperties();
        consumer.setMaxAttempts(3);
        consumer.setBackOffInitialInterval(10);
        consumer.setBackOffMaxInterval(20);
        BindingProperties binding = new BindingProperties();
        binding.setDestination(TOPIC);
        binding.setGroup("things-group");
        binding.setConsumer(consumer);
        BindingServiceProperties bindings = new BindingServiceProperties();
        bindings.setBindings(Map.of("things-in-0", binding));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", broker.getBrokersAsString())
                .withProperty("spring.cloud.stream.kafka.bindings.things-in-0.consumer.dlq-name", DEAD_LETTERS);
        // the service's own producer settings reach the dead-letter producer
        return BatchDeadLetters.forBindings(bindings, environment
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.acks", "all"), "things-in-0");
    }

    private static KafkaMessageListenerContainer<byte[], byte[]> container(String group, Object listener) {
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setGroupId(group);
        properties.setMessageListener(listener);
        return new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)), properties);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            List<ConsumerRecord<byte[], byte[]>> letters = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                polled.forEach(letters::add);
                return letters.size() >= expected;
            });
            return letters;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
