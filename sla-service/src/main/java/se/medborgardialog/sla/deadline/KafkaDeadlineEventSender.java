package se.medborgardialog.sla.deadline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.outbox.RelayDue;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudEvents binary mode on Kafka: attributes as {@code ce_*} headers, the contract record as JSON.
 *
 * <p>Every event goes through one plain producer with the binder's producer properties ({@code acks=all},
 * idempotence), so the events of a case leave in the order they were handed over, whichever way they were sent: one
 * awaited ({@link #send}: a transition, the relay), one not awaited ({@link #sendAsync}: a clock just started, its
 * {@code DeadlineScheduled}) or a batch (the timer firing thousands of clocks due in the same second: every record
 * is sent before the first acknowledgement is awaited). The record is the one the binder's {@code deadlines-out-0}
 * would write: the same key, the same headers as raw UTF-8 bytes, its destination.
 */
@Component
class KafkaDeadlineEventSender implements DeadlineEventSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadlineEventSender.class);

    /** The binding whose destination the events go to (not bound: this producer writes them). */
    static final String BINDING = "deadlines-out-0";
    /** How long {@link #send} waits for the acknowledgement (the binding's former send timeout). */
    private static final long SEND_TIMEOUT_MS = 12_000;

    private final JsonMapper json;
    private final Environment environment;
    private final RelayDue relay;
    private volatile Producer<String, byte[]> batchProducer;
    private volatile boolean closed;

    KafkaDeadlineEventSender(JsonMapper json, Environment environment, RelayDue relay) {
        this.json = json;
        this.environment = environment;
        this.relay = relay;
    }

    @Override
    public void send(OutgoingEvent event) {
        try {
            sendAsync(event).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted sending " + event.type() + " for case " + event.caseId(), e);
        } catch (ExecutionException | TimeoutException e) {
            relay.leftPending();
            throw new IllegalStateException("Could not send " + event.type() + " for case " + event.caseId(), e);
        }
    }

    @Override
    public CompletableFuture<Void> sendAsync(OutgoingEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            batchProducer().send(record(topic(), event), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    relay.leftPending();
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException notSent) {
            relay.leftPending();
            throw notSent;
        }
        return acknowledged;
    }

    private ProducerRecord<String, byte[]> record(String topic, OutgoingEvent event) {
        List<Header> headers = new ArrayList<>();
        headers(event).forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(topic, null, event.caseId(), json.writeValueAsBytes(event.payload()), headers);
    }

    @Override
    public List<OutgoingEvent> sendAll(Iterable<OutgoingEvent> toSend) {
        Producer<String, byte[]> producer = batchProducer();
        String topic = topic();
        List<OutgoingEvent> events = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutgoingEvent event : toSend) {
            events.add(event);
            acks.add(producer.send(record(topic, event)));
        }
        List<OutgoingEvent> sent = new ArrayList<>(events.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (int i = 0; i < events.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(events.get(i));
            } catch (ExecutionException | TimeoutException e) {
                relay.leftPending();
                log.warn("Event {} of case {} not acknowledged, the relay will retry: {}", events.get(i).eventId(),
                        events.get(i).caseId(), e.toString());
            } catch (InterruptedException e) {
                relay.leftPending();
                Thread.currentThread().interrupt();
                break;
            }
        }
        return sent;
    }

    /** The CloudEvents attributes and the content type, as the consumers read them. */
    private static Map<String, String> headers(OutgoingEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId());
        headers.put("ce_source", EventTypes.SOURCE_SLA);
        headers.put("ce_type", event.type());
        headers.put("ce_time", event.time().toString());
        headers.put("ce_subject", event.caseId());
        headers.put("content-type", "application/json");
        return headers;
    }

    /**
     * Before the first burst (its first record left ~170 ms late, cold): the batch producer is created and has fetched
     * the topic's metadata, and the path that builds a breach from an index entry and serialises it has run a few
     * thousand times, so the JIT has compiled it. Nothing is sent. In the background: readiness does not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                long started = System.nanoTime();
                batchProducer().partitionsFor(topic());
                String caseId = UUID.randomUUID().toString();
                Instant now = Instant.now();
                ClockEntry entry = ClockEntry.of(new Deadline(caseId + ":" + Deadline.FIRST_ANSWER, caseId, "uppvarmning",
                        Deadline.FIRST_ANSWER, 2, now.minus(Duration.ofDays(5)), LocalDate.now().minusDays(2), null,
                        DeadlineStatus.RUNNING, null, null, null, List.of(), null, List.of(), 0));
                long bytes = 0;
                for (int i = 0; i < 5_000 && !closed; i++) {
                    for (OutgoingEvent event : entry.fire(now).events()) {
                        bytes += json.writeValueAsBytes(event.payload()).length + headers(event).size();
                    }
                }
                log.info("Send path warmed up in {} ms ({} bytes serialised, nothing sent)",
                        (System.nanoTime() - started) / 1_000_000, bytes);
            } catch (RuntimeException e) {
                log.warn("Warming up the send path failed (the first burst pays for it): {}", e.toString());
            }
        }, "sla-send-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private String topic() {
        return environment.getProperty("spring.cloud.stream.bindings." + BINDING + ".destination",
                "medborgardialog.deadlines.v1");
    }

    private Producer<String, byte[]> batchProducer() {
        Producer<String, byte[]> producer = batchProducer;
        if (producer == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the sender is closed");
                }
                if (batchProducer == null) {
                    batchProducer = createProducer();
                }
                producer = batchProducer;
            }
        }
        return producer;
    }

    private Producer<String, byte[]> createProducer() {
        Binder binder = Binder.get(environment);
        Map<String, Object> config = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.producer-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "sla-deadlines-batch-" + System.identityHashCode(this));
        // A burst is thousands of records sent at once: large batches, a few ms to fill them (STACK.md measured
        // linger.ms 20 and batch.size 128 KiB as the fastest settings here; the burst does not wait that long).
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    @Override
    public void destroy() {
        Producer<String, byte[]> producer;
        synchronized (this) {
            closed = true;
            producer = batchProducer;
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
