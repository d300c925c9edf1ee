package se.medborgardialog.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.medborgardialog.cases.Submissions.aSubmission;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.micrometer.core.instrument.MeterRegistry;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseOutbox;
import se.medborgardialog.cases.casework.CaseStatus;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.ConcurrentCaseChangeException;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.cases.casework.LinkedReport;
import se.medborgardialog.cases.mail.CaseMails;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AvvikelsePersonalData;
import se.medborgardialog.contracts.SynpunktPersonalData;
import se.medborgardialog.personaldata.PersonalDataCipher;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.DuplicateReportLinked;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service against a real in-process KRaft broker (the only mode spring-kafka-test 4 has) and the in-process MongoDB wire-protocol store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        // the relay is driven by hand in the crash test
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h",
        "cases.mail.relay-grace=0s",
        "cases.metrics.open-cases-refresh=500ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES,
        CaseServiceIntegrationTests.SUBMISSIONS_DLT, "medborgardialog.deadlines.v1.case-service.dlt"})
class CaseServiceIntegrationTests {

    static final String SUBMISSIONS_DLT = "medborgardialog.submissions.v1.case-service.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** Fixed for the class, so the SMTP server can be stopped and started again on the port the service knows. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-it"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaProbe kafka;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseStore store;
    @Autowired
    CaseOutbox outbox;
    @Autowired
    CaseEventPublisher events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CaseMails mails;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void producer(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new KafkaProbe(broker.getBrokersAsString());
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    @Test
    void opensACaseInTheRoutedUnitsQueueAndPublishesCaseOpenedAsARawCloudEvent() throws Exception {
        SynpunktSubmitted submission = aSubmission().inCategory("park-och-natur").build();
        String caseId = submission.submissionId().toString();

        send(Topics.SUBMISSIONS, caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));

        ConsumerRecord<String, byte[]> opened = awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        assertThat(opened.key()).isEqualTo(caseId);
        assertThat(header(opened, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(opened, "ce_type")).isEqualTo(EventTypes.CASE_OPENED);
        assertThat(header(opened, "ce_source")).isEqualTo(EventTypes.SOURCE_CASES);
        assertThat(header(opened, "ce_subject")).isEqualTo(caseId);
        assertThat(header(opened, "ce_id"))
                .isEqualTo(UUID.nameUUIDFromBytes((caseId + ":" + EventTypes.CASE_OPENED).getBytes()).toString());
        assertThat(Instant.parse(header(opened, "ce_time"))).isBeforeOrEqualTo(Instant.now());
        assertThat(header(opened, "content-type")).isEqualTo("application/json");
        JsonNode payload = json.readTree(opened.value());
        assertThat(payload.get("unit").asString()).isEqualTo("stadsmiljo");
        assertThat(payload.get("diarienummer").asString())
                .matches(LocalDate.now(STOCKHOLM).getYear() + "-\\d{6}");
        assertThat(new String(opened.value(), StandardCharsets.UTF_8)).doesNotContain("Greta", "Gatlampan");

        JsonNode queue = get("/api/v1/queue", "anna").body();
        JsonNode row = rowFor(queue, caseId);
        assertThat(row.get("diarienummer").asString()).isEqualTo(payload.get("diarienummer").asString());
        assertThat(row.get("unit").asString()).isEqualTo("stadsmiljo");
        assertThat(row.get("status").asString()).isEqualTo("open");
        assertThat(row.has("text")).isFalse();
        assertThat(row.has("contact")).isFalse();
        assertThat(meters.find("medborgardialog.cases.opened").tag("unit", "stadsmiljo").counter().count())
                .isPositive();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).raw())
                .contains("medborgardialog_cases_open{application=\"case-service\",unit=\"stadsmiljo\"}")
                .contains("medborgardialog_cases_opened_total{application=\"case-service\",unit=\"stadsmiljo\"}"));
    }

    @Test
    void opensOneCaseWithOneNumberWhenTheSameSubmissionArrivesTwice() throws Exception {
        SynpunktSubmitted submission = aSubmission().inCategory("ovrigt").build();
        String caseId = submission.submissionId().toString();
        SynpunktSubmitted next = aSubmission().inCategory("ovrigt").build();

        send(Topics.SUBMISSIONS, caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));
        send(Topics.SUBMISSIONS, caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));
        // one partition: once the next submission is done, both copies were handled
        send(Topics.SUBMISSIONS, next.submissionId().toString(), EventTypes.SYNPUNKT_SUBMITTED,
                json.writeValueAsBytes(next));
        awaitRecord(Topics.CASES, next.submissionId().toString(), EventTypes.CASE_OPENED);

        Case aCase = store.find(new CaseId(submission.submissionId().value())).orElseThrow();
        Case nextCase = store.find(new CaseId(next.submissionId().value())).orElseThrow();
        assertThat(sequence(nextCase.diarienummer())).isEqualTo(sequence(aCase.diarienummer()) + 1);
        assertThat(recordsFor(Topics.CASES, caseId)).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(caseId)), "cases")).isEqualTo(1);
        assertThat(meters.find("medborgardialog.messages.processed")
                .tags("type", EventTypes.SYNPUNKT_SUBMITTED, "outcome", "duplicate").timer().count()).isPositive();
    }

    @Test
    void deadLettersAPoisonMessageWithTheReasonAndKeepsProcessing() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        String unknownKey = UUID.randomUUID().toString();
        SynpunktSubmitted good = aSubmission().build();

        send(Topics.SUBMISSIONS, unknownKey, "se.medborgardialog.something.else.v9",
                "not json either".getBytes(StandardCharsets.UTF_8));
        send(Topics.SUBMISSIONS, poisonKey, EventTypes.SYNPUNKT_SUBMITTED,
                "{\"submissionId\": not json".getBytes(StandardCharsets.UTF_8));
        send(Topics.SUBMISSIONS, good.submissionId().toString(), EventTypes.SYNPUNKT_SUBMITTED,
                json.writeValueAsBytes(good));

        ConsumerRecord<String, byte[]> dead = awaitRecord(SUBMISSIONS_DLT, record -> poisonKey.equals(record.key()));
        assertThat(header(dead, "x-exception-message")).isNotBlank();
        assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.SUBMISSIONS);
        awaitRecord(Topics.CASES, good.submissionId().toString(), EventTypes.CASE_OPENED);
        assertThat(store.find(new CaseId(good.submissionId().value()))).isPresent();
        // an unknown type is ignored, not dead-lettered
        assertThat(recordsFor(SUBMISSIONS_DLT, unknownKey)).isEmpty();
        assertThat(store.find(new CaseId(UUID.fromString(unknownKey)))).isEmpty();
    }

    @Test
    void showsTheDeadlineInTheQueueWhicheverArrivesFirstAndSortsByIt() throws Exception {
        SynpunktSubmitted relaxed = aSubmission().build();
        SynpunktSubmitted urgent = aSubmission().build();
        Instant now = Instant.now();
        LocalDate relaxedDue = LocalDate.now(STOCKHOLM).plusDays(5);

        // the deadline of one case arrives after its case, the other's before
        send(Topics.SUBMISSIONS, relaxed.submissionId().toString(), EventTypes.SYNPUNKT_SUBMITTED,
                json.writeValueAsBytes(relaxed));
        awaitRecord(Topics.CASES, relaxed.submissionId().toString(), EventTypes.CASE_OPENED);
        sendDeadline(relaxed, relaxedDue, relaxedDue.plusDays(1).atStartOfDay(STOCKHOLM).toInstant().minusNanos(1));
        sendDeadline(urgent, LocalDate.now(STOCKHOLM), now.plus(Duration.ofHours(12)));
        sendDeadline(urgent, LocalDate.now(STOCKHOLM), now.plus(Duration.ofHours(12)));
        await().atMost(PATIENCE).until(() -> mongo.exists(
                Query.query(Criteria.where("caseId").is(urgent.submissionId().toString())), "case_deadlines"));
        send(Topics.SUBMISSIONS, urgent.submissionId().toString(), EventTypes.SYNPUNKT_SUBMITTED,
                json.writeValueAsBytes(urgent));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode queue = get("/api/v1/units/stadsmiljo/cases?status=open", "maria").body();
            JsonNode relaxedRow = rowFor(queue, relaxed.submissionId().toString());
            JsonNode urgentRow = rowFor(queue, urgent.submissionId().toString());
            assertThat(relaxedRow.get("dueDate").asString()).isEqualTo(relaxedDue.toString());
            assertThat(relaxedRow.get("deadlineStatus").asString()).isEqualTo("i-tid");
            assertThat(urgentRow.get("deadlineStatus").asString()).isEqualTo("snart-forfallen");
            assertThat(indexOf(queue, urgent.submissionId().toString()))
                    .isLessThan(indexOf(queue, relaxed.submissionId().toString()));
        });
    }

    @Test
    void hidesOtherUnitsCasesAndQueuesAndRequiresLogin() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response foreignCase = get("/api/v1/cases/" + caseId, "bertil");
        assertThat(foreignCase.status()).isEqualTo(404);
        assertThat(foreignCase.contentType()).startsWith("application/problem+json");
        assertThat(foreignCase.raw()).doesNotContain("Gatlampan", "greta");
        assertThat(get("/api/v1/units/stadsmiljo/cases", "bertil").status()).isEqualTo(404);
        assertThat(rowIndex(get("/api/v1/queue?status=all", "bertil").body(), caseId)).isEqualTo(-1);
        assertThat(get("/api/v1/queue", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/cases/" + caseId, null).status()).isEqualTo(401);
        assertThat(post("/api/v1/cases/" + caseId + "/answer", "bertil", "{\"text\":\"Hej\"}").status())
                .isEqualTo(404);
        assertThat(store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().status())
                .isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void auditsEveryReadOfACaseWithoutLoggingItsPersonalData() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response read = get("/api/v1/cases/" + caseId, "anna");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("text").asString()).contains("Gatlampan");
        assertThat(read.body().get("contact").get("email").asString()).isEqualTo("greta@example.se");
        assertThat(read.body().get("history").get(0).get("who").asString()).isEqualTo("system");
        List<Document> entries = mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class,
                "audit_log");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getString("who")).isEqualTo("anna");
            assertThat(entry.getString("what")).isEqualTo("GET /api/v1/cases/{caseId}");
            assertThat(entry.get("at")).isNotNull();
            assertThat(entry.toJson()).doesNotContain("Gatlampan", "greta", "Greta");
        });
    }

    @Test
    void answersThenClosesAndPublishesBothEvents() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response answered = post("/api/v1/cases/" + caseId + "/answer", "anna",
                "{\"text\":\"Tack! Lampan lagas på torsdag.\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("status").asString()).isEqualTo("answered");
        ConsumerRecord<String, byte[]> answeredEvent = awaitRecord(Topics.CASES, caseId, EventTypes.CASE_ANSWERED);
        assertThat(json.readTree(answeredEvent.value()).get("answeredBy").asString()).isEqualTo("anna");
        assertThat(new String(answeredEvent.value(), StandardCharsets.UTF_8)).doesNotContain("Lampan lagas");

        Response closed = post("/api/v1/cases/" + caseId + "/close", "anna", "{\"outcome\":\"besvarat\"}");
        assertThat(closed.status()).isEqualTo(200);
        ConsumerRecord<String, byte[]> closedEvent = awaitRecord(Topics.CASES, caseId, EventTypes.CASE_CLOSED);
        assertThat(json.readTree(closedEvent.value()).get("outcome").asString()).isEqualTo("BESVARAT");

        Response again = post("/api/v1/cases/" + caseId + "/answer", "anna", "{\"text\":\"Ett till svar\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().get("status").asString()).isEqualTo("closed");
        assertThat(again.body().get("detail").asString()).contains("avslutat");
        Case stored = store.find(new CaseId(UUID.fromString(caseId))).orElseThrow();
        assertThat(stored.outbox()).isEmpty();
        assertThat(stored.history()).extracting(step -> step.who()).containsExactly("system", "anna", "anna");
    }

    @Test
    void rejectsBadInputNamingTheFieldAndChangesNothing() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response empty = post("/api/v1/cases/" + caseId + "/answer", "anna", "{\"text\":\"\"}");
        Response tooLong = post("/api/v1/cases/" + caseId + "/answer", "anna",
                "{\"text\":\"" + "a".repeat(10_001) + "\"}");
        Response unknownOutcome = post("/api/v1/cases/" + caseId + "/close", "anna", "{\"outcome\":\"kanske\"}");
        Response badStatus = get("/api/v1/queue?status=sometimes", "anna");

        for (Response response : List.of(empty, tooLong, unknownOutcome, badStatus)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(unknownOutcome.body().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(badStatus.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().status())
                .isEqualTo(CaseStatus.OPEN);
        assertThat(recordsFor(Topics.CASES, caseId)).hasSize(1);
    }

    @Test
    void letsOnlyOneOfTwoConcurrentAnswersThrough() throws Exception {
        String caseId = openCase(aSubmission().build());
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Response> anna = CompletableFuture.supplyAsync(() -> answerAfter(start, caseId, "anna"));
        CompletableFuture<Response> maria = CompletableFuture.supplyAsync(() -> answerAfter(start, caseId, "maria"));
        start.countDown();

        List<Integer> statuses = new ArrayList<>(List.of(anna.get().status(), maria.get().status()));
        statuses.sort(null);
        assertThat(statuses).containsExactly(200, 409);
        Response loser = anna.get().status() == 409 ? anna.get() : maria.get();
        assertThat(loser.body().get("status").asString()).isEqualTo("answered");
        String winner = anna.get().status() == 200 ? "anna" : "maria";
        Case stored = store.find(new CaseId(UUID.fromString(caseId))).orElseThrow();
        assertThat(stored.answer().answeredBy()).isEqualTo(winner);
        assertThat(recordsFor(Topics.CASES, caseId))
                .filteredOn(record -> EventTypes.CASE_ANSWERED.equals(header(record, "ce_type"))).hasSize(1);
    }

    @Test
    void refusesAStaleWriteSoNoUpdateIsLost() {
        // a phone number only: the store queues no answer mail the relay of another test would find
        SynpunktSubmitted submission = aSubmission().withContact(new Contact("Per", null, "070-123 45 67")).build();
        CaseId caseId = new CaseId(submission.submissionId().value());
        Case opened = Case.open(submission, new Diarienummer("1999-000001"), "stadsmiljo", Instant.now());
        store.insertOpened(opened, events.pending(caseId, "test.only", opened.opened(), Instant.now()));
        Case first = store.find(caseId).orElseThrow();
        Case second = store.find(caseId).orElseThrow();

        first.answer("Första svaret", "anna", Instant.now());
        store.commit(first, events.pending(caseId, "test.first", "{}", Instant.now()));
        second.answer("Andra svaret", "maria", Instant.now());

        assertThatThrownBy(() -> store.commit(second, events.pending(caseId, "test.second", "{}", Instant.now())))
                .isInstanceOfSatisfying(ConcurrentCaseChangeException.class,
                        conflict -> assertThat(conflict.current().answer().answeredBy()).isEqualTo("anna"));
        Case stored = store.find(caseId).orElseThrow();
        assertThat(stored.answer().text()).isEqualTo("Första svaret");
        assertThat(stored.version()).isEqualTo(1L);
    }

    @Test
    void relayPublishesACaseOpenedLeftPendingByACrash() throws Exception {
        SynpunktSubmitted submission = aSubmission().build();
        CaseId caseId = new CaseId(submission.submissionId().value());
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        Case crashed = Case.open(submission, new Diarienummer("1999-000002"), "stadsmiljo", anHourAgo);
        // stored with its pending event, then the process "died" before publishing
        store.insertOpened(crashed, events.pending(caseId, EventTypes.CASE_OPENED, crashed.opened(), anHourAgo));

        assertThat(outbox.relayPending()).isPositive();

        ConsumerRecord<String, byte[]> opened = awaitRecord(Topics.CASES, caseId.toString(), EventTypes.CASE_OPENED);
        assertThat(json.readTree(opened.value()).get("diarienummer").asString()).isEqualTo("1999-000002");
        assertThat(store.find(caseId).orElseThrow().outbox()).isEmpty();
    }

    // --- helpers

    record Response(int status, String contentType, String raw, JsonNode body) {
    }

    // --- felanmälan, avvikelse, e-förslag ---

    private static final Instant REPORTED = Instant.parse("2026-11-23T10:00:00Z");

    private static FelanmalanSubmitted aFelanmalan(String category, CaseId duplicateOf) {
        UUID id = UUID.randomUUID();
        return new FelanmalanSubmitted(new SubmissionId(id), new TrackingCode("MD-" + id.toString().substring(0, 8)),
                category, "Lampan lyser inte.", new Location(64.75, 20.95, "Storgatan 5"),
                List.of(new AttachmentRef("foto-" + id, "lampa.jpg", "image/jpeg", 1234, "ab".repeat(32))),
                Channel.WEB, REPORTED, REPORTED, new Contact("Greta Gatsten", "greta@example.se", null), duplicateOf, null);
    }

    /** One partition: once this synpunkt is opened, everything sent before it was handled. */
    private void awaitBarrier() throws Exception {
        openCase(aSubmission().build());
    }

    private static List<ConsumerRecord<String, byte[]>> ofType(List<ConsumerRecord<String, byte[]>> records, String type) {
        return KafkaProbe.ofType(records, type);
    }

    @Test
    void opensAFelanmalanOnceRoutedByCategoryWithItsPlaceAndPhotos() throws Exception {
        FelanmalanSubmitted report = aFelanmalan("gatubelysning", null);
        String caseId = report.submissionId().toString();

        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(report));
        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(report));

        JsonNode opened = json.readTree(awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED).value());
        assertThat(opened.get("caseType").asString()).isEqualTo("FELANMALAN");
        assertThat(opened.get("unit").asString()).isEqualTo("stadsmiljo");
        assertThat(opened.get("receivedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
        awaitBarrier();
        assertThat(ofType(recordsFor(Topics.CASES, caseId), EventTypes.CASE_OPENED)).hasSize(1);

        JsonNode view = get("/api/v1/cases/" + caseId, "anna").body();
        assertThat(view.get("caseType").asString()).isEqualTo("FELANMALAN");
        assertThat(view.get("location").get("address").asString()).isEqualTo("Storgatan 5");
        assertThat(view.get("location").get("latitude").asDouble()).isEqualTo(64.75);
        assertThat(view.get("photos").get(0).get("id").asString()).isEqualTo("foto-" + caseId);
        assertThat(view.get("photos").get(0).get("url").asString())
                .isEqualTo("http://localhost:8081/api/v1/attachments/foto-" + caseId);
        assertThat(rowFor(get("/api/v1/queue", "anna").body(), caseId).get("caseType").asString())
                .isEqualTo("FELANMALAN");
    }

    @Test
    void routesAnOtherFelanmalanToMedborgarservice() throws Exception {
        FelanmalanSubmitted report = aFelanmalan("ovrigt-felanmalan", null);
        String caseId = report.submissionId().toString();

        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(report));

        JsonNode opened = json.readTree(awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED).value());
        assertThat(opened.get("unit").asString()).isEqualTo("medborgarservice");
    }

    @Test
    void linksADuplicateReportToTheOpenCaseOnceAndOpensNoCaseForIt() throws Exception {
        FelanmalanSubmitted first = aFelanmalan("potthal", null);
        String caseId = first.submissionId().toString();
        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(first));
        awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        FelanmalanSubmitted duplicate = aFelanmalan("potthal", new CaseId(first.submissionId().value()));

        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(duplicate));
        send(Topics.SUBMISSIONS, caseId, EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(duplicate));

        ConsumerRecord<String, byte[]> linked = awaitRecord(Topics.CASES, caseId, EventTypes.DUPLICATE_REPORT_LINKED);
        assertThat(header(linked, "ce_source")).isEqualTo(EventTypes.SOURCE_CASES);
        DuplicateReportLinked event = json.readValue(linked.value(), DuplicateReportLinked.class);
        assertThat(event.caseId()).isEqualTo(new CaseId(first.submissionId().value()));
        assertThat(event.submissionId()).isEqualTo(duplicate.submissionId());
        assertThat(event.unit()).isEqualTo("stadsmiljo");
        awaitBarrier();
        assertThat(ofType(recordsFor(Topics.CASES, caseId), EventTypes.DUPLICATE_REPORT_LINKED)).hasSize(1);
        assertThat(store.find(new CaseId(first.submissionId().value())).orElseThrow().linkedReports())
                .extracting(LinkedReport::submissionId).containsExactly(duplicate.submissionId().toString());
        assertThat(store.find(new CaseId(duplicate.submissionId().value()))).isEmpty();
        assertThat(get("/api/v1/cases/" + caseId, "anna").body().get("linkedReports")).hasSize(1);
    }

    @Test
    void deadLettersADuplicateReportOfACaseThatDoesNotExist() throws Exception {
        CaseId missing = new CaseId(UUID.randomUUID());
        FelanmalanSubmitted orphan = aFelanmalan("klotter", missing);

        send(Topics.SUBMISSIONS, missing.toString(), EventTypes.FELANMALAN_SUBMITTED, json.writeValueAsBytes(orphan));

        ConsumerRecord<String, byte[]> dead = awaitRecord(SUBMISSIONS_DLT, record -> missing.toString().equals(record.key()));
        assertThat(header(dead, "ce_type")).isEqualTo(EventTypes.FELANMALAN_SUBMITTED);
        assertThat(store.find(missing)).isEmpty();
        assertThat(store.find(new CaseId(orphan.submissionId().value()))).isEmpty();
    }

    @Test
    void opensAnAvvikelseInItsUnitWithTheLegalFlowAndTheAffectedPersonEncrypted() throws Exception {
        UUID id = UUID.randomUUID();
        AvvikelseReported report = new AvvikelseReported(new SubmissionId(id), new TrackingCode("AV-" + id.toString().substring(0, 8)),
                Law.SOL, LegalFlow.LEX_SARAH, "omsorg", "Brukaren fick fel medicin.", REPORTED, REPORTED,
                "Läkare kontaktad.", new AffectedPerson("Sven Svensson", "19121212-1212", false), "personal", REPORTED, null);
        String caseId = id.toString();

        send(Topics.SUBMISSIONS, caseId, EventTypes.AVVIKELSE_REPORTED, json.writeValueAsBytes(report));
        send(Topics.SUBMISSIONS, caseId, EventTypes.AVVIKELSE_REPORTED, json.writeValueAsBytes(report));

        ConsumerRecord<String, byte[]> openedRecord = awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        JsonNode opened = json.readTree(openedRecord.value());
        assertThat(opened.get("caseType").asString()).isEqualTo("AVVIKELSE");
        assertThat(opened.get("legalFlow").asString()).isEqualTo("LEX_SARAH");
        assertThat(opened.get("unit").asString()).isEqualTo("omsorg");
        assertThat(new String(openedRecord.value(), StandardCharsets.UTF_8)).doesNotContain("Sven", "19121212");
        awaitBarrier();
        assertThat(ofType(recordsFor(Topics.CASES, caseId), EventTypes.CASE_OPENED)).hasSize(1);

        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.getString("affectedPersonEncrypted")).startsWith("pd1:");
        assertThat(stored.toJson()).doesNotContain("Sven", "19121212");

        // an avvikelse is seen with its law's role: sara (LEX_SARAH in omsorg)
        JsonNode view = get("/api/v1/cases/" + caseId, "sara").body();
        assertThat(view.get("affectedPerson").get("name").asString()).isEqualTo("Sven Svensson");
        assertThat(view.get("legalFlow").asString()).isEqualTo("LEX_SARAH");
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), "audit_log")).isPositive();
    }

    @Test
    void opensAnEforslagInItsNamndReceivedWhenSentAndFallsBackToRoutingWithoutOne() throws Exception {
        Instant sentAt = Instant.parse("2026-11-20T08:00:00Z");
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        EforslagSentToNamnd toNamnd = new EforslagSentToNamnd(new SubmissionId(named), new TrackingCode("EF-1"),
                "Fler parkbänkar", "Vi vill ha bänkar.", "park-och-natur", "medborgarservice", 120, 100,
                REPORTED, REPORTED, sentAt);
        EforslagSentToNamnd noNamnd = new EforslagSentToNamnd(new SubmissionId(unnamed), new TrackingCode("EF-2"),
                "Laga vägen", "Hål i vägen.", "gata-och-trafik", " ", 120, 100, REPORTED, REPORTED, sentAt);

        send(Topics.SUBMISSIONS, named.toString(), EventTypes.EFORSLAG_SENT_TO_NAMND, json.writeValueAsBytes(toNamnd));
        send(Topics.SUBMISSIONS, named.toString(), EventTypes.EFORSLAG_SENT_TO_NAMND, json.writeValueAsBytes(toNamnd));
        send(Topics.SUBMISSIONS, unnamed.toString(), EventTypes.EFORSLAG_SENT_TO_NAMND, json.writeValueAsBytes(noNamnd));

        JsonNode opened = json.readTree(awaitRecord(Topics.CASES, named.toString(), EventTypes.CASE_OPENED).value());
        assertThat(opened.get("caseType").asString()).isEqualTo("E_FORSLAG");
        assertThat(opened.get("unit").asString()).isEqualTo("medborgarservice");
        assertThat(opened.get("receivedAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
        JsonNode routed = json.readTree(awaitRecord(Topics.CASES, unnamed.toString(), EventTypes.CASE_OPENED).value());
        assertThat(routed.get("unit").asString()).isEqualTo("stadsmiljo");
        awaitBarrier();
        assertThat(ofType(recordsFor(Topics.CASES, named.toString()), EventTypes.CASE_OPENED)).hasSize(1);
    }

    @Test
    void opensCasesFromSealedSubmissionsWithTheirPersonalDataOpened() throws Exception {
        // As intake publishes them: the personal data sealed with the event key (cases.event-keys), none in the clear.
        PersonalDataCipher eventKey = new PersonalDataCipher("ev-dev1",
                Map.of("ev-dev1", "ZGV2ZWxvcG1lbnQtb25seS1ldmVudC1rZXktMzJieSE="));
        SynpunktSubmitted plain = aSubmission().build();
        SynpunktSubmitted synpunkt = new SynpunktSubmitted(plain.submissionId(), plain.trackingCode(), plain.kind(),
                plain.category(), null, plain.channel(), plain.receivedAt(), plain.submittedAt(), null, null, List.of(),
                eventKey.encrypt(json.writeValueAsString(new SynpunktPersonalData(plain.text(), plain.contact()))));
        UUID id = UUID.randomUUID();
        AvvikelseReported avvikelse = new AvvikelseReported(new SubmissionId(id), new TrackingCode("AV-S"), Law.LSS,
                LegalFlow.LEX_SARAH, "omsorg", null, REPORTED, REPORTED, null, null, "personal", REPORTED,
                eventKey.encrypt(json.writeValueAsString(new AvvikelsePersonalData("Fel dos.", "Läkare kontaktad.",
                        new AffectedPerson("Vera Vård", "19121212-1212", true)))));

        String synpunktId = openCase(synpunkt);
        send(Topics.SUBMISSIONS, id.toString(), EventTypes.AVVIKELSE_REPORTED, json.writeValueAsBytes(avvikelse));
        awaitRecord(Topics.CASES, id.toString(), EventTypes.CASE_OPENED);

        JsonNode synpunktView = get("/api/v1/cases/" + synpunktId, "anna").body();
        assertThat(synpunktView.get("text").asString()).isEqualTo(plain.text());
        assertThat(synpunktView.get("contact").get("email").asString()).isEqualTo("greta@example.se");
        assertThat(synpunktView.get("anonymous").asBoolean()).isFalse();
        // Opened from Kafka's seal, stored under the store's own: the document holds neither text nor contact.
        Document stored = mongo.findById(synpunktId, Document.class, "cases");
        assertThat(stored.getString("text")).startsWith("pd1:");
        assertThat(stored.getString("contact")).startsWith("pd1:");
        assertThat(stored.toJson()).doesNotContain("greta@example.se", "Greta", plain.text());
        JsonNode avvikelseView = get("/api/v1/cases/" + id, "sara").body();
        assertThat(avvikelseView.get("text").asString()).isEqualTo("Fel dos.");
        assertThat(avvikelseView.get("affectedPerson").get("name").asString()).isEqualTo("Vera Vård");
    }

    @Test
    void aSynpunktCaseOpenedCarriesItsCaseType() throws Exception {
        SynpunktSubmitted submission = aSubmission().build();
        String caseId = openCase(submission);

        JsonNode opened = json.readTree(awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED).value());
        assertThat(opened.get("caseType").asString()).isEqualTo("SYNPUNKT");
        assertThat(get("/api/v1/cases/" + caseId, "anna").body().get("caseType").asString()).isEqualTo("SYNPUNKT");
    }

    @Test
    void theCaseViewListsASynpunktsAttachmentsWithTheirDownloadLinksAtIntake() throws Exception {
        SynpunktSubmitted submission = aSubmission().withAttachments(
                new AttachmentRef("bild-1", "lykta.png", "image/png", 321, "cd".repeat(32)),
                new AttachmentRef("pdf-2", "kvitto.pdf", "application/pdf", 654, "ef".repeat(32))).build();
        String caseId = openCase(submission);

        JsonNode attachments = get("/api/v1/cases/" + caseId, "anna").body().get("attachments");

        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("fileName").asString()).isEqualTo("lykta.png");
        assertThat(attachments.get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachments.get(0).get("url").asString())
                .isEqualTo("http://localhost:8081/api/v1/attachments/bild-1");
        assertThat(attachments.get(1).get("url").asString())
                .isEqualTo("http://localhost:8081/api/v1/attachments/pdf-2");
        assertThat(get("/api/v1/cases/" + openCase(aSubmission().build()), "anna").body().get("attachments"))
                .isEmpty();
    }

    @Test
    void mailsTheAnswerToTheCitizensAddressInSwedishAndMarksItSentInTheCase() throws Exception {
        String address = "svar-" + UUID.randomUUID() + "@example.se";
        SynpunktSubmitted submission = aSubmission().withContact(new Contact("Åsa Öberg", address, null)).build();
        String caseId = openCase(submission);

        Response answered = post("/api/v1/cases/" + caseId + "/answer", "anna",
                "{\"text\":\"Tack för din synpunkt! Gatlampan på Storgatan byts på måndag.\"}");

        assertThat(answered.status()).isEqualTo(200);
        MimeMessage mail = awaitMailsTo(address, 1).get(0);
        String diarienummer = answered.body().get("diarienummer").asString();
        assertThat(mail.getSubject()).isEqualTo("Svar på din synpunkt " + diarienummer);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@exempelkommun.se");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("Hej Åsa Öberg!",
                "Tack för din synpunkt! Gatlampan på Storgatan byts på måndag.", diarienummer,
                submission.trackingCode().value());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().answerMail().sentAt()).isNotNull());
        JsonNode view = get("/api/v1/cases/" + caseId, "anna").body();
        assertThat(view.get("answer").get("text").asString()).contains("Gatlampan på Storgatan");
        assertThat(view.get("answerMail").get("sentAt").isNull()).isFalse();
        assertThat(meters.counter("medborgardialog.mail.sent", "outcome", "sent").count()).isPositive();
    }

    @Test
    void queuesNoMailWhenTheCitizenGaveOnlyAPhoneNumber() throws Exception {
        String caseId = openCase(aSubmission().withContact(new Contact("Per Persson", null, "070-123 45 67")).build());
        int before = smtp.getReceivedMessages().length;

        Response answered = post("/api/v1/cases/" + caseId + "/answer", "anna", "{\"text\":\"Vi ringer dig.\"}");

        assertThat(answered.status()).isEqualTo(200);
        assertThat(store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().answerMail()).isNull();
        assertThat(mails.relayPending()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }

    @Test
    void keepsTheMailPendingWhileTheSmtpServerIsDownAndTheRelayDeliversItOnceWhenItIsBack() throws Exception {
        String address = "nere-" + UUID.randomUUID() + "@example.se";
        String caseId = openCase(aSubmission().withContact(new Contact("Örjan Åkesson", address, null)).build());
        CaseId id = new CaseId(UUID.fromString(caseId));
        double failedBefore = meters.counter("medborgardialog.mail.sent", "outcome", "failed").count();

        smtp.stop();
        try {
            Response answered = post("/api/v1/cases/" + caseId + "/answer", "anna",
                    "{\"text\":\"Svaret kommer fram även när e-posten krånglar.\"}");
            assertThat(answered.status()).isEqualTo(200);
            Case stored = store.find(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(CaseStatus.ANSWERED);
            assertThat(stored.answerMail().pending()).isTrue();
            assertThat(meters.counter("medborgardialog.mail.sent", "outcome", "failed").count())
                    .isGreaterThan(failedBefore);
        } finally {
            smtp.start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            mails.relayPending();
            assertThat(store.find(id).orElseThrow().answerMail().pending()).isFalse();
        });
        mails.relayPending();
        List<MimeMessage> delivered = awaitMailsTo(address, 1);
        assertThat((String) delivered.get(0).getContent()).contains("Svaret kommer fram även när e-posten krånglar.");
    }

    /** Waits for {@code count} mails to {@code address}, and checks no more than that arrived. */
    private static List<MimeMessage> awaitMailsTo(String address, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(address).size() >= count);
        List<MimeMessage> received = mailsTo(address);
        assertThat(received).hasSize(count);
        return received;
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (jakarta.mail.Address to : message.getAllRecipients()) {
                    if (to instanceof InternetAddress internet && address.equals(internet.getAddress())) {
                        found.add(message);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private String openCase(SynpunktSubmitted submission) throws Exception {
        String caseId = submission.submissionId().toString();
        send(Topics.SUBMISSIONS, caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));
        awaitRecord(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        return caseId;
    }

    private void sendDeadline(SynpunktSubmitted submission, LocalDate dueDate, Instant dueAt) throws Exception {
        var scheduled = new DeadlineScheduled(new CaseId(submission.submissionId().value()), "first-answer",
                "stadsmiljo", 2, submission.receivedAt(), dueDate, dueAt);
        send(Topics.DEADLINES, submission.submissionId().toString(), EventTypes.DEADLINE_SCHEDULED,
                json.writeValueAsBytes(scheduled));
    }

    private Response answerAfter(CountDownLatch start, String caseId, String user) {
        try {
            start.await();
            return post("/api/v1/cases/" + caseId + "/answer", user, "{\"text\":\"Svar från " + user + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String topic, String key, String type, byte[] payload) throws Exception {
        kafka.send(topic, key, type, payload);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaProbe.header(record, name);
    }

    private static long sequence(Diarienummer diarienummer) {
        return Long.parseLong(diarienummer.value().substring(5));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, String type) {
        return awaitRecord(topic, record -> key.equals(record.key()) && type.equals(header(record, "ce_type")));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return kafka.awaitRecord(topic, wanted);
    }

    /** Everything on the topic for this key right now (reads up to the current end). */
    private List<ConsumerRecord<String, byte[]>> recordsFor(String topic, String key) {
        return kafka.recordsFor(topic, key);
    }

    private Response get(String path, String user) throws Exception {
        return call(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    private Response post(String path, String user, String body) throws Exception {
        return call(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response call(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":utveckling").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = raw == null || raw.isBlank() || !contentType.contains("json") ? null : json.readTree(raw);
        return new Response(response.statusCode(), contentType, raw, body);
    }

    private static JsonNode rowFor(JsonNode queue, String caseId) {
        int index = rowIndex(queue, caseId);
        assertThat(index).as("case %s in queue", caseId).isNotNegative();
        return queue.get(index);
    }

    private static int indexOf(JsonNode queue, String caseId) {
        return rowIndex(queue, caseId);
    }

    private static int rowIndex(JsonNode queue, String caseId) {
        for (int i = 0; i < queue.size(); i++) {
            if (caseId.equals(queue.get(i).get("caseId").asString())) {
                return i;
            }
        }
        return -1;
    }
}
