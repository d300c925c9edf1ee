package se.medborgardialog.sla.watch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.DeadlineWarning;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays sla-service's clocks on a real broker: deadline events on the deadlines topic as CloudEvents (raw UTF-8
 * headers, the case id as key), with the ids and times a test chooses, so it can redeliver one.
 */
public final class DeadlineTopic implements AutoCloseable {

    public static final GuaranteeRef GATUBELYSNING = new GuaranteeRef("gatubelysning-3-veckor", 2,
            "Gatubelysning lagad inom 3 veckor", GuaranteeType.TJANSTEGARANTI);
    public static final String CLOCK = "atgard";

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json;

    public DeadlineTopic(String brokers, JsonMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends the event under a fresh id; returns the id. */
    public String scheduled(CaseId caseId, String unit, Instant at, Instant dueAt) {
        return send(UUID.randomUUID().toString(), EventTypes.DEADLINE_SCHEDULED, caseId, at,
                new DeadlineScheduled(caseId, CLOCK, unit, 0, at, dueAt.atZone(WatchRow.STOCKHOLM).toLocalDate(),
                        dueAt, GATUBELYSNING, "P3W"));
    }

    public String warning(CaseId caseId, String unit, Instant at, Instant dueAt) {
        return send(UUID.randomUUID().toString(), EventTypes.DEADLINE_WARNING, caseId, at,
                new DeadlineWarning(caseId, CLOCK, unit, GATUBELYSNING, "80%", dueAt, at));
    }

    public String breached(CaseId caseId, String unit, Instant at, Instant dueAt) {
        return breached(UUID.randomUUID().toString(), caseId, unit, at, dueAt);
    }

    public String breached(String eventId, CaseId caseId, String unit, Instant at, Instant dueAt) {
        return send(eventId, EventTypes.DEADLINE_BREACHED, caseId, at,
                new DeadlineBreached(caseId, CLOCK, unit, dueAt, at, GATUBELYSNING, null));
    }

    public String met(CaseId caseId, String unit, Instant at, Instant dueAt) {
        return send(UUID.randomUUID().toString(), EventTypes.DEADLINE_MET, caseId, at,
                new DeadlineMet(caseId, CLOCK, unit, dueAt, at, GATUBELYSNING));
    }

    public String send(String eventId, String type, CaseId caseId, Instant at, Object event) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", eventId),
                header("ce_source", EventTypes.SOURCE_SLA),
                header("ce_type", type),
                header("ce_time", at.toString()),
                header("ce_subject", caseId.toString()),
                header("content-type", "application/json"));
        try {
            producer.send(new ProducerRecord<>(Topics.DEADLINES, null, caseId.toString(), json.writeValueAsBytes(event),
                    headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
