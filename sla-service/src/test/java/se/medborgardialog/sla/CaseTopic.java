package se.medborgardialog.sla;

import se.medborgardialog.contracts.CaseType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays case-service on a real broker with plain Kafka clients: case events in, CloudEvents headers as raw
 * UTF-8 strings, String keys; and reads what sla-service published, headers untouched.
 */
final class CaseTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json;
    private final String brokers;

    CaseTopic(String brokers, JsonMapper json) {
        this.brokers = brokers;
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    static CaseOpened opened(CaseId caseId, String unit, Instant receivedAt) {
        return new CaseOpened(caseId, new SubmissionId(caseId.value()), new Diarienummer("KS 2026/" + caseId.value().toString().substring(0, 4)),
                SynpunktKind.KLAGOMAL, "gata-och-trafik", Channel.WEB, unit, receivedAt, receivedAt, CaseType.SYNPUNKT, null);
    }

    void send(CaseOpened event) {
        send(event.caseId(), EventTypes.CASE_OPENED, json.writeValueAsBytes(event));
    }

    void send(CaseAnswered event) {
        send(event.caseId(), EventTypes.CASE_ANSWERED, json.writeValueAsBytes(event));
    }

    void send(CaseClosed event) {
        send(event.caseId(), EventTypes.CASE_CLOSED, json.writeValueAsBytes(event));
    }

    /** Any other case event, as JSON under its {@code ce_type}. */
    void send(String type, CaseId caseId, Object event) {
        send(caseId, type, json.writeValueAsBytes(event));
    }

    static CaseClosed closed(CaseId caseId, Instant at) {
        return new CaseClosed(caseId, "stadsmiljo", CaseOutcome.BESVARAT, at, "anna");
    }

    void send(CaseId caseId, String type, byte[] payload) {
        try {
            producer.send(record(new Event(caseId, type, payload))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case event for {@link #sendTogether}: a contract record as JSON, or bytes as they are. */
    Event event(CaseId caseId, String type, Object payload) {
        return new Event(caseId, type, payload instanceof byte[] bytes ? bytes : json.writeValueAsBytes(payload));
    }

    record Event(CaseId caseId, String type, byte[] payload) {
    }

    /** Sends the events without awaiting each, then awaits them all: they reach the topic together (likely one poll). */
    void sendTogether(List<Event> events) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        events.forEach(event -> sent.add(producer.send(record(event))));
        producer.flush();
        try {
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(Event event) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", UUID.randomUUID().toString()),
                header("ce_source", EventTypes.SOURCE_CASES),
                header("ce_type", event.type()),
                header("ce_time", Instant.now().toString()),
                header("ce_subject", event.caseId().toString()),
                header("content-type", "application/json"));
        return new ProducerRecord<>(Topics.CASES, null, event.caseId().toString(), event.payload(), headers);
    }

    /** A consumer of {@code topic} from its beginning, in its own group. */
    KafkaConsumer<String, byte[]> reader(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer) {
        var records = consumer.poll(Duration.ofMillis(200));
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
