package se.medborgardialog.cases.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.cases.KafkaProbe;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions on three partitions, one consumer thread each, CaseOpened sent without waiting: every case opens once
 * with its own number however often its submission comes, and each case's events stay in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        // nothing may be sent twice by the relay while the test looks for duplicates
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h"})
@EmbeddedKafka(partitions = 3, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
class ConcurrentOpeningIntegrationTests {

    private static final int CASES = 30;
    private static final Instant REPORTED = Instant.parse("2026-11-23T10:00:00Z");

    private static KafkaProbe kafka;

    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-concurrent-opening"));
    }

    @BeforeAll
    static void producer(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new KafkaProbe(broker.getBrokersAsString());
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    @Test
    void opensEveryCaseOnceWithItsOwnNumberAndKeepsEachCasesEventsInOrder() throws Exception {
        List<FelanmalanSubmitted> reports = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            reports.add(aReport(null));
        }
        // each report delivered twice (a redelivery), then a second report of the same fault, keyed by the case
        for (FelanmalanSubmitted report : reports) {
            send(report.submissionId().toString(), report);
        }
        for (FelanmalanSubmitted report : reports) {
            send(report.submissionId().toString(), report);
            send(report.submissionId().toString(), aReport(new CaseId(report.submissionId().value())));
        }
        Set<String> caseIds = reports.stream().map(report -> report.submissionId().toString())
                .collect(Collectors.toSet());

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                KafkaProbe.ofType(kafka.recordsFor(Topics.CASES, caseIds::contains), EventTypes.DUPLICATE_REPORT_LINKED)
                        .stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(caseIds));

        List<ConsumerRecord<String, byte[]>> records = kafka.recordsFor(Topics.CASES, caseIds::contains);
        Map<String, List<ConsumerRecord<String, byte[]>>> byCase = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        Set<String> numbers = new HashSet<>();
        for (String caseId : caseIds) {
            List<ConsumerRecord<String, byte[]>> events = byCase.get(caseId);
            assertThat(events).extracting(record -> KafkaProbe.header(record, "ce_type"))
                    .as("case %s", caseId)
                    .containsExactly(EventTypes.CASE_OPENED, EventTypes.DUPLICATE_REPORT_LINKED);
            numbers.add(json.readTree(events.get(0).value()).get("diarienummer").asString());
        }
        assertThat(numbers).hasSize(CASES);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2).contains(0, 1, 2);
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(caseIds)), "cases")).isEqualTo(CASES);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.count(
                Query.query(Criteria.where("_id").in(caseIds).and("outbox.0").exists(true)), "cases")).isZero());
    }

    private void send(String key, FelanmalanSubmitted report) throws Exception {
        kafka.send(Topics.SUBMISSIONS, key, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(report));
    }

    private static FelanmalanSubmitted aReport(CaseId duplicateOf) {
        UUID id = UUID.randomUUID();
        return new FelanmalanSubmitted(new SubmissionId(id), new TrackingCode("MD-" + id.toString().substring(0, 8)),
                "gatubelysning", "Lampan lyser inte.", new Location(64.75, 20.95, "Storgatan 5"),
                List.of(new AttachmentRef("foto-" + id, "lampa.jpg", "image/jpeg", 1234, "ab".repeat(32))),
                Channel.WEB, REPORTED, REPORTED, new Contact("Greta Gatsten", "greta@example.se", null), duplicateOf,
                null);
    }
}
