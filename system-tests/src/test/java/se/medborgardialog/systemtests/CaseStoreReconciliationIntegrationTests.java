package se.medborgardialog.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgardialog.cases.CaseApplication;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.reporting.ReportingApplication;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6's reconciliation with the case store, across the two services: case-service and reporting-service each in
 * its own Spring context with its own database, on one real broker. Cases opened, answered, forwarded and closed →
 * the statistics equal the case store; a case written into case-service's store without its event, and a counter
 * changed in reporting's cells → both reported with the cell and both counts; a redelivered request → the same answer
 * again, never a second count.
 */
class CaseStoreReconciliationIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CASES_DB = "reconcile-cases";
    private static final String REPORTING_DB = "reconcile-reporting";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext caseService;
    private static ConfigurableApplicationContext reportingService;
    private static KafkaProducer<String, byte[]> producer;
    private static MongoClient store;
    private final Http http = new Http();

    @BeforeAll
    static void startBothServices() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES,
                Topics.RECONCILIATION);
        broker.afterPropertiesSet();
        caseService = start(CaseApplication.class, CASES_DB);
        reportingService = start(ReportingApplication.class, REPORTING_DB);
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
        store = MongoClients.create(InProcessMongo.uri("admin"));
    }

    /**
     * One service in its own context. Both jars hold an {@code application.yml} at their root, so each context is
     * pointed at its own jar's (or classes directory's) file.
     */
    private static ConfigurableApplicationContext start(Class<?> application, String database) {
        URL home = application.getProtectionDomain().getCodeSource().getLocation();
        String config = home.toString().endsWith(".jar") ? "jar:" + home + "!/application.yml"
                : home + "application.yml";
        // arguments, not default properties: those would lose to the service's application.yml
        return new SpringApplicationBuilder(application).run("--spring.config.location=" + config,
                "--server.port=0", "--spring.mongodb.uri=" + InProcessMongo.uri(database),
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString());
    }

    @AfterAll
    static void stopBothServices() {
        if (producer != null) {
            producer.close();
        }
        if (store != null) {
            store.close();
        }
        if (reportingService != null) {
            reportingService.close();
        }
        if (caseService != null) {
            caseService.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void theStatisticsEqualTheCaseStoreUntilADifferenceIsPlantedOnEitherSideAndARedeliveredRequestIsAnsweredOnce()
            throws Exception {
        // received in October (one just after local midnight, which is still 5 October in UTC), worked now
        UUID answered = submit("gata-och-trafik", SynpunktKind.KLAGOMAL, Instant.parse("2026-10-05T22:30:00Z"));
        UUID forwarded = submit("gata-och-trafik", SynpunktKind.FRAGA, Instant.parse("2026-10-12T09:00:00Z"));
        UUID closed = submit("park-och-natur", SynpunktKind.BEROM, Instant.parse("2026-10-20T09:00:00Z"));
        for (UUID id : List.of(answered, forwarded, closed)) {
            await().atMost(PATIENCE).until(() -> http.get(cases("/api/v1/cases/" + id), "anna").status() == 200);
        }
        assertThat(http.post(cases("/api/v1/cases/" + answered + "/answer"), "anna", "{\"text\":\"Vi lagar den.\"}")
                .status()).isEqualTo(200);
        assertThat(http.post(cases("/api/v1/cases/" + forwarded + "/forward"), "anna",
                "{\"unit\":\"medborgarservice\"}").status()).isEqualTo(200);
        assertThat(http.post(cases("/api/v1/cases/" + closed + "/answer"), "anna", "{\"text\":\"Tack!\"}")
                .status()).isEqualTo(200);
        assertThat(http.post(cases("/api/v1/cases/" + closed + "/close"), "anna", "{\"outcome\":\"besvarat\"}")
                .status()).isEqualTo(200);
        String until = LocalDate.now(STOCKHOLM).toString();

        // no waiting for the statistics here: the comparison itself waits until reporting has read what was counted
        JsonNode equal = awaitResult(requestReconciliation("2026-10-01", until, "month"));
        assertThat(equal.path("result").path("consistent").asBoolean()).as(equal.toString()).isTrue();
        assertThat(equal.path("result").path("cells").size()).isGreaterThanOrEqualTo(3);
        JsonNode forwardedCell = cell(equal, "2026-10", "medborgarservice", "FRAGA");
        assertThat(forwardedCell.path("caseStore").path("received").asLong()).isEqualTo(1);
        assertThat(forwardedCell.path("reporting").path("received").asLong()).isEqualTo(1);
        assertThat(forwardedCell.path("differences").isEmpty()).isTrue();
        assertThat(equal.path("result").path("backlog").toString()).contains("medborgarservice");

        // planted: a case in case-service's store whose event never went out, and a counter changed in reporting
        store.getDatabase(CASES_DB).getCollection("cases").insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("version", 0L).append("caseType", "SYNPUNKT").append("kind", "BEROM")
                .append("category", "kultur-och-fritid").append("unit", "kultur-och-fritid").append("channel", "BREV")
                .append("receivedAt", Date.from(Instant.parse("2026-10-21T09:00:00Z"))).append("status", "OPEN"));
        String answeredMonth = LocalDate.now(STOCKHOLM).toString().substring(0, 7);
        assertThat(store.getDatabase(REPORTING_DB).getCollection("monthlyStatistics").updateOne(
                Filters.and(Filters.eq("period", answeredMonth), Filters.eq("unit", "stadsmiljo"),
                        Filters.eq("kind", "KLAGOMAL")), Updates.inc("n.answered", 1)).getModifiedCount())
                .isEqualTo(1);

        JsonNode different = awaitResult(requestReconciliation("2026-10-01", until, "month"));
        assertThat(different.path("result").path("consistent").asBoolean()).isFalse();
        JsonNode missingEvent = cell(different, "2026-10", "kultur-och-fritid", "BEROM");
        assertThat(missingEvent.path("channel").asString()).isEqualTo("BREV");
        assertThat(missingEvent.path("caseStore").path("received").asLong()).isEqualTo(1);
        assertThat(missingEvent.path("reporting").path("received").asLong()).isZero();
        assertThat(missingEvent.path("differences").path("received").asLong()).isEqualTo(1);
        JsonNode changedCounter = cell(different, answeredMonth, "stadsmiljo", "KLAGOMAL");
        assertThat(changedCounter.path("caseStore").path("answered").asLong()).isEqualTo(1);
        assertThat(changedCounter.path("reporting").path("answered").asLong()).isEqualTo(2);
        assertThat(changedCounter.path("differences").path("answered").asLong()).isEqualTo(-1);
        assertThat(different.path("result").path("backlog").toString()).contains("kultur-och-fritid");
        assertThat(different.path("result").path("differences").asLong()).isEqualTo(3); // received, answered, backlog

        // the first request delivered again: case-service publishes the answer it stored, with the same id
        String firstId = equal.path("reconciliationId").asString();
        ConsumerRecord<String, byte[]> request = records().stream()
                .filter(record -> firstId.equals(record.key())
                        && EventTypes.RECONCILIATION_REQUESTED.equals(header(record, "ce_type")))
                .findFirst().orElseThrow();
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.RECONCILIATION, request.key(),
                request.value());
        request.headers().forEach(h -> again.headers().add(h));
        producer.send(again).get();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(answersTo(firstId)).hasSize(2));
        List<ConsumerRecord<String, byte[]>> answers = answersTo(firstId);
        assertThat(header(answers.get(1), "ce_id")).isEqualTo(header(answers.get(0), "ce_id"));
        assertThat(answers.get(1).value()).isEqualTo(answers.get(0).value());
        assertThat(store.getDatabase(CASES_DB).getCollection("reconciliationAnswers")
                .countDocuments(Filters.eq("_id", firstId))).isEqualTo(1);
        JsonNode firstAgain = http.get(reporting("/api/v1/statistics/reconciliation/case-store/" + firstId), "stina")
                .json();
        assertThat(firstAgain.path("result")).isEqualTo(equal.path("result"));
    }

    @Test
    void refusesABadPeriodNamingTheField() {
        Http.Response response = http.post(reporting("/api/v1/statistics/reconciliation/case-store?from=2026-10-01"
                + "&to=2026-09-01&period=day"), "stina", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("to");
        assertThat(http.post(reporting("/api/v1/statistics/reconciliation/case-store"), "maria", "").status())
                .isEqualTo(403);
    }

    private UUID submit(String category, SynpunktKind kind, Instant receivedAt) throws Exception {
        UUID id = UUID.randomUUID();
        SynpunktSubmitted submitted = new SynpunktSubmitted(new SubmissionId(id),
                new TrackingCode("MD-" + id.toString().substring(0, 8)), kind, category, "Lampan lyser inte.",
                Channel.WEB, receivedAt, receivedAt, new Contact("Greta Gatsten", "greta@example.se", null), null,
                List.of(), null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS, id.toString(),
                JSON.writeValueAsBytes(submitted));
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes(EventTypes.SOURCE_INTAKE)).add("ce_type", bytes(EventTypes.SYNPUNKT_SUBMITTED))
                .add("ce_time", bytes(Instant.now().toString())).add("ce_subject", bytes(id.toString()))
                .add("content-type", bytes("application/json"));
        producer.send(record).get();
        return id;
    }

    private String requestReconciliation(String from, String to, String period) {
        Http.Response response = http.post(reporting("/api/v1/statistics/reconciliation/case-store?from=" + from
                + "&to=" + to + "&period=" + period), "stina", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("status").asString()).isEqualTo("väntar");
        return response.json().path("location").asString();
    }

    private JsonNode awaitResult(String location) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            view[0] = http.get(reporting(location), "stina").json();
            assertThat(view[0].path("status").asString()).as(view[0].toString()).isEqualTo("klar");
        });
        return view[0];
    }

    private static JsonNode cell(JsonNode view, String period, String unit, String kind) {
        for (JsonNode cell : view.path("result").path("cells")) {
            if (cell.path("period").asString().equals(period) && cell.path("unit").asString().equals(unit)
                    && cell.path("kind").asString().equals(kind)) {
                return cell;
            }
        }
        throw new AssertionError("No cell " + period + " " + unit + " " + kind + " in " + view);
    }

    private static List<ConsumerRecord<String, byte[]>> answersTo(String reconciliationId) {
        return records().stream().filter(record -> reconciliationId.equals(record.key())
                && EventTypes.CASE_COUNTS_REPORTED.equals(header(record, "ce_type"))).toList();
    }

    /** Everything on the reconciliation topic now. */
    private static List<ConsumerRecord<String, byte[]>> records() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RECONCILIATION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return seen;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static URI cases(String path) {
        return URI.create("http://localhost:" + caseService.getEnvironment().getProperty("local.server.port") + path);
    }

    private static URI reporting(String path) {
        return URI.create("http://localhost:" + reportingService.getEnvironment().getProperty("local.server.port")
                + path);
    }
}
