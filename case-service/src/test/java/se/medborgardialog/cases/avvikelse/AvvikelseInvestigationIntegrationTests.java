package se.medborgardialog.cases.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.medborgardialog.cases.KafkaProbe.header;
import static se.medborgardialog.cases.KafkaProbe.ofType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.cases.KafkaProbe;
import se.medborgardialog.cases.Submissions;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.ConcurrentCaseChangeException;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The avvikelse's legal steps over HTTP (MockMvc, HTTP Basic) against a real in-process KRaft broker and the
 * in-process MongoDB wire-protocol store; cases are opened as intake opens them, by {@code AvvikelseReported}.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES,
        "medborgardialog.submissions.v1.case-service.dlt", "medborgardialog.deadlines.v1.case-service.dlt"})
class AvvikelseInvestigationIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant REPORTED = Instant.parse("2026-11-23T10:00:00Z");

    @TestConfiguration
    static class FixedTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("avvikelse-it"));
    }

    private static KafkaProbe kafka;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseStore store;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void connect(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new KafkaProbe(broker.getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void lexSarahsStepsAreEventsOfTheCaseInOrderAndTheirTextsAreStoredEncrypted() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");

        assertThat(command(caseId, "/entries", "sara", """
                {"type": "vad-hande", "concerns": "2026-11-23", "source": "intervju med personal",
                 "text": "Brukaren Sven fick kvällsdosen två gånger."}""").getStatus()).isEqualTo(200);
        assertThat(command(caseId, "/entries", "sara", """
                {"type": "atgard", "concerns": "2026-11-23", "source": "journal",
                 "text": "Dubbelsignering av läkemedel infördes.", "measureTakenAt": "2026-11-23T16:00:00Z"}""")
                .getStatus()).isEqualTo(200);
        assertThat(command(caseId, "/risk-assessments", "sara", """
                {"probability": 3, "consequence": 4, "motivation": "Rutinen saknades i hela gruppen."}""")
                .getStatus()).isEqualTo(200);
        assertThat(command(caseId, "/decisions", "sara", """
                {"serious": true, "motivation": "Påtaglig risk för Svens hälsa."}""").getStatus()).isEqualTo(200);
        MockHttpServletResponse tooEarly = command(caseId, "/ivo-report", "sara", ivoReport());
        assertThat(tooEarly.getStatus()).isEqualTo(409);
        assertThat(body(tooEarly).get("detail").asString())
                .isEqualTo("Lex Sarah: anmälan till IVO görs med utredningen; avsluta utredningen först.");
        assertThat(command(caseId, "/completion", "sara", null).getStatus()).isEqualTo(200);
        MockHttpServletResponse reported = command(caseId, "/ivo-report", "sara", ivoReport());
        assertThat(reported.getStatus()).isEqualTo(200);
        assertThat(body(reported).get("eventPublished").asBoolean()).isTrue();

        List<ConsumerRecord<String, byte[]>> caseEvents = kafka.recordsFor(Topics.CASES, caseId);
        assertThat(caseEvents).extracting(record -> header(record, "ce_type")).first()
                .isEqualTo(EventTypes.CASE_OPENED);
        List<ConsumerRecord<String, byte[]>> steps = ofType(caseEvents, EventTypes.AVVIKELSE_STEP_RECORDED);
        assertThat(steps).extracting(record -> json.readTree(record.value()).get("step").asString())
                .containsExactly("INVESTIGATION_STARTED", "RISK_ASSESSED", "DECIDED", "INVESTIGATION_COMPLETED",
                        "IVO_REPORTED");
        for (ConsumerRecord<String, byte[]> step : steps) {
            assertThat(step.key()).isEqualTo(caseId);
            assertThat(header(step, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(step, "ce_source")).isEqualTo(EventTypes.SOURCE_CASES);
            assertThat(header(step, "ce_subject")).isEqualTo(caseId);
            assertThat(header(step, "ce_time")).isEqualTo(NOW.toString());
            assertThat(new String(step.value(), StandardCharsets.UTF_8))
                    .doesNotContain("Sven", "kvällsdosen", "Dubbelsignering", "Rutinen", "intervju");
        }
        assertThat(steps).extracting(step -> header(step, "ce_id")).doesNotHaveDuplicates();
        JsonNode decided = json.readTree(steps.get(2).value());
        assertThat(decided.get("serious").asBoolean()).isTrue();
        assertThat(decided.get("legalFlow").asString()).isEqualTo("LEX_SARAH");
        assertThat(decided.get("unit").asString()).isEqualTo("omsorg");
        assertThat(decided.get("recordedBy").asString()).isEqualTo("sara");
        assertThat(json.readTree(steps.get(4).value()).get("occurredAt").asString())
                .isEqualTo("2026-11-23T23:00:00Z");

        Document stored = mongo.findById(caseId, Document.class, "cases");
        Document avvikelse = stored.get("avvikelse", Document.class);
        Document firstEntry = avvikelse.getList("entries", Document.class).get(0);
        assertThat(firstEntry.getString("textEncrypted")).startsWith("pd1:");
        assertThat(firstEntry.getString("sourceEncrypted")).startsWith("pd1:");
        assertThat(stored.toJson()).doesNotContain("Sven", "kvällsdosen", "Dubbelsignering", "Rutinen", "Påtaglig",
                "intervju med personal");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("what"))
                .contains("avvikelse: utredningen inledd, vad hände och konsekvenser",
                        "avvikelse: beslut, allvarligt missförhållande",
                        "avvikelse: anmäld till IVO 2026-11-24, IVO:s diarienummer 3.5.1-12345/2026");
    }

    @Test
    void readingTheInvestigationOpensItsTextsAndIsAudited() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        command(caseId, "/entries", "sara", """
                {"type": "orsaker", "concerns": "2026-11-23", "source": "intervju med personal",
                 "text": "Signeringslistan saknades."}""");
        command(caseId, "/risk-assessments", "sara", """
                {"probability": 2, "consequence": 3, "motivation": "Hänt en gång tidigare."}""");
        long auditedBefore = audited(caseId);

        JsonNode investigation = read(caseId, "sara");

        assertThat(audited(caseId)).isEqualTo(auditedBefore + 1);
        Document audit = mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Document.class, "audit_log");
        assertThat(audit.getString("who")).isEqualTo("sara");
        assertThat(audit.getString("what")).isEqualTo("GET /api/v1/cases/{caseId}/avvikelse");
        JsonNode entry = investigation.get("entries").get(0);
        assertThat(entry.get("type").asString()).isEqualTo("orsaker");
        assertThat(entry.get("typeText").asString()).isEqualTo("orsaker");
        assertThat(entry.get("text").asString()).isEqualTo("Signeringslistan saknades.");
        assertThat(entry.get("source").asString()).isEqualTo("intervju med personal");
        assertThat(entry.get("author").asString()).isEqualTo("sara");
        assertThat(entry.get("recordedAt").asString()).isEqualTo(NOW.toString());
        JsonNode risk = investigation.get("riskAssessments").get(0);
        assertThat(risk.get("riskValue").asInt()).isEqualTo(6);
        assertThat(risk.get("level").asString()).isEqualTo("mattlig");
        assertThat(risk.get("motivation").asString()).isEqualTo("Hänt en gång tidigare.");
        assertThat(investigation.get("legalFlow").asString()).isEqualTo("LEX_SARAH");
    }

    @Test
    void lexMariaReportsToIvoBeforeTheInvestigationIsCompleteButOnlyWhenDecidedSerious() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_MARIA, "omsorg");

        assertThat(body(command(caseId, "/ivo-report", "mas", ivoReport())).get("detail").asString())
                .isEqualTo("Det finns inget beslut om att det är allvarlig vårdskada; bara det anmäls till IVO.");
        command(caseId, "/decisions", "mas", """
                {"serious": false, "motivation": "Ingen bestående skada."}""");
        MockHttpServletResponse notSerious = command(caseId, "/ivo-report", "mas", ivoReport());
        assertThat(notSerious.getStatus()).isEqualTo(409);
        assertThat(notSerious.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(body(notSerious).get("detail").asString())
                .isEqualTo("Beslutet är att det inte är allvarlig vårdskada; då görs ingen anmälan till IVO.");
        command(caseId, "/decisions", "mas", """
                {"serious": true, "motivation": "Provsvaret visar bestående skada."}""");
        assertThat(command(caseId, "/ivo-report", "mas", ivoReport()).getStatus()).isEqualTo(200);

        JsonNode investigation = read(caseId, "mas");
        assertThat(investigation.get("ivoReport").get("ivoReference").asString()).isEqualTo("3.5.1-12345/2026");
        assertThat(investigation.get("ivoReport").get("reportedOn").asString()).isEqualTo("2026-11-24");
        assertThat(investigation.get("completion").isNull()).isTrue();
        JsonNode decisions = investigation.get("decisions");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).get("inForce").asBoolean()).isFalse();
        assertThat(decisions.get(1).get("inForce").asBoolean()).isTrue();
        assertThat(decisions.get(1).get("supersedes").asInt()).isEqualTo(1);
        assertThat(decisions.get(1).get("motivation").asString()).isEqualTo("Provsvaret visar bestående skada.");
        assertThat(ofType(kafka.recordsFor(Topics.CASES, caseId), EventTypes.AVVIKELSE_STEP_RECORDED))
                .extracting(record -> json.readTree(record.value()).get("step").asString())
                .containsExactly("DECIDED", "DECIDED", "IVO_REPORTED");
    }

    @Test
    void theSkollagenChainIsRecordedInOrderEachStepWithItsOwnTime() throws Exception {
        String caseId = openAvvikelse(LegalFlow.KRANKANDE_BEHANDLING, "utbildning");

        MockHttpServletResponse outOfOrder = command(caseId, "/skollagen/reported-to-huvudman", "rektor", """
                {"occurredAt": "2026-11-23T12:00:00Z"}""");
        assertThat(outOfOrder.getStatus()).isEqualTo(409);
        assertThat(body(outOfOrder).get("detail").asString())
                .isEqualTo("Rektors anmälan till huvudmannen kan inte registreras före anmälan till rektor.");
        assertThat(command(caseId, "/skollagen/reported-to-rektor", "rektor", """
                {"occurredAt": "2026-11-23T10:30:00Z"}""").getStatus()).isEqualTo(200);
        assertThat(command(caseId, "/skollagen/reported-to-huvudman", "rektor", """
                {"occurredAt": "2026-11-23T10:00:00Z"}""").getStatus()).isEqualTo(409);
        assertThat(command(caseId, "/skollagen/reported-to-huvudman", "rektor", """
                {"occurredAt": "2026-11-23T14:00:00Z"}""").getStatus()).isEqualTo(200);
        assertThat(command(caseId, "/skollagen/investigation-started", "rektor", """
                {"occurredAt": "2026-11-24T08:00:00Z"}""").getStatus()).isEqualTo(200);

        List<JsonNode> steps = ofType(kafka.recordsFor(Topics.CASES, caseId), EventTypes.AVVIKELSE_STEP_RECORDED).stream()
                .map(record -> json.readTree(record.value())).toList();
        assertThat(steps).extracting(step -> step.get("step").asString())
                .containsExactly("REPORTED_TO_REKTOR", "REPORTED_TO_HUVUDMAN", "INVESTIGATION_STARTED");
        assertThat(steps).extracting(step -> step.get("occurredAt").asString())
                .containsExactly("2026-11-23T10:30:00Z", "2026-11-23T14:00:00Z", "2026-11-24T08:00:00Z");
        assertThat(steps).extracting(step -> step.get("recordedAt").asString()).containsOnly(NOW.toString());
        assertThat(read(caseId, "rektor").get("skollagen")).extracting(step -> step.get("recordedBy").asString())
                .containsExactly("rektor", "rektor", "rektor");
    }

    @Test
    void anOfficerOfTheUnitWithoutTheLawsRoleFindsTheAvvikelseNowhere() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        assertThat(status(get("/api/v1/cases/" + caseId), "sara")).isEqualTo(200);
        assertThat(queue("sara")).contains(caseId);

        // mas works in omsorg too, with lex Maria's role only
        assertThat(queue("mas")).doesNotContain(caseId);
        assertThat(status(get("/api/v1/units/omsorg/cases?status=all"), "mas")).isEqualTo(200);
        assertThat(body(mvc.perform(get("/api/v1/units/omsorg/cases?status=all")
                .with(httpBasic("mas", "utveckling"))).andReturn().getResponse()).toString()).doesNotContain(caseId);
        assertThat(status(get("/api/v1/cases/" + caseId), "mas")).isEqualTo(404);
        assertThat(status(post("/api/v1/cases/" + caseId + "/close").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"ingen-åtgärd\"}"), "mas")).isEqualTo(404);
        assertThat(status(get("/api/v1/cases/" + caseId + "/avvikelse"), "mas")).isEqualTo(404);
        Map<String, String> commands = Map.of(
                "/entries", "{\"type\": \"orsaker\", \"concerns\": \"2026-11-23\", \"source\": \"journal\", \"text\": \"x\"}",
                "/risk-assessments", "{\"probability\": 1, \"consequence\": 1, \"motivation\": \"x\"}",
                "/decisions", "{\"serious\": false, \"motivation\": \"x\"}",
                "/ivo-report", ivoReport(),
                "/skollagen/reported-to-rektor", "{\"occurredAt\": \"2026-11-23T10:00:00Z\"}",
                "/skollagen/reported-to-huvudman", "{\"occurredAt\": \"2026-11-23T10:00:00Z\"}",
                "/skollagen/investigation-started", "{\"occurredAt\": \"2026-11-23T10:00:00Z\"}");
        for (var command : commands.entrySet()) {
            MockHttpServletResponse refused = command(caseId, command.getKey(), "mas", command.getValue());
            assertThat(refused.getStatus()).as(command.getKey()).isEqualTo(404);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("omsorg", "LEX_SARAH");
        }
        assertThat(command(caseId, "/completion", "mas", null).getStatus()).isEqualTo(404);
        assertThat(audited(caseId)).as("only sara's read").isEqualTo(1);
        assertThat(store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().avvikelse()).isNull();
    }

    @Test
    void aCaseThatIsNoAvvikelseHasNoAvvikelseToShow() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        // sara's own unit, but a synpunkt: opened directly in the store like any routed case
        Case synpunkt = Case.open(Submissions.aSubmission().build(),
                new Diarienummer("2026-900001"), "omsorg", NOW);
        store.insertOpened(synpunkt, new PendingEvent(UUID.randomUUID().toString(),
                EventTypes.CASE_OPENED, synpunkt.caseId().toString(), NOW, "{}"));
        String synpunktId = synpunkt.caseId().toString();

        assertThat(status(get("/api/v1/cases/" + synpunktId), "sara")).isEqualTo(200);
        assertThat(status(get("/api/v1/cases/" + synpunktId + "/avvikelse"), "sara")).isEqualTo(404);
        assertThat(command(synpunktId, "/completion", "sara", null).getStatus()).isEqualTo(404);
        assertThat(status(get("/api/v1/cases/" + caseId + "/avvikelse"), "sara")).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWith400NamingTheFieldAndChangesNothing() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        long version = store.find(new CaseId(UUID.fromString(caseId))).orElseThrow().version();

        assertRefused(caseId, "/entries", """
                {"type": "gissning", "concerns": "2026-11-23", "source": "journal", "text": "x"}""", "type");
        assertRefused(caseId, "/entries", """
                {"type": "orsaker", "concerns": "2026-11-23", "source": "journal", "text": " "}""", "text");
        assertRefused(caseId, "/entries", """
                {"type": "orsaker", "concerns": "2026-12-24", "source": "journal", "text": "x"}""", "concerns");
        assertRefused(caseId, "/entries", """
                {"type": "atgard", "concerns": "2026-11-23", "source": "journal", "text": "x"}""", "measureTakenAt");
        assertRefused(caseId, "/risk-assessments", """
                {"probability": 5, "consequence": 2, "motivation": "x"}""", "probability");
        assertRefused(caseId, "/decisions", """
                {"motivation": "x"}""", "serious");
        assertRefused(caseId, "/ivo-report", """
                {"reportedOn": "2026-11-24", "ivoReference": "<script>"}""", "ivoReference");
        assertRefused(caseId, "/skollagen/reported-to-rektor", """
                {"occurredAt": "2026-11-25T10:00:00Z"}""", "occurredAt");

        Case unchanged = store.find(new CaseId(UUID.fromString(caseId))).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(unchanged.avvikelse()).isNull();
    }

    @Test
    void aStepWrittenOverAChangeMadeMeanwhileLosesWithAConflict() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        Case stale = store.find(new CaseId(UUID.fromString(caseId))).orElseThrow();
        command(caseId, "/entries", "sara", """
                {"type": "orsaker", "concerns": "2026-11-23", "source": "journal", "text": "Först."}""");
        AvvikelseCase.Step lost = new AvvikelseCase(stale).addEntry(EntryType.ORSAKER,
                LocalDate.parse("2026-11-23"), "pd1:x", "pd1:y", null, "sara", NOW);

        assertThatThrownBy(() -> store.commitAvvikelse(stale, lost.avvikelse(), lost.history(), null))
                .isInstanceOfSatisfying(ConcurrentCaseChangeException.class,
                        conflict -> assertThat(conflict.current().avvikelse().entries()).hasSize(1));
        assertThat(read(caseId, "sara").get("entries")).extracting(entry -> entry.get("text").asString())
                .containsExactly("Först.");
    }

    @Test
    void racingFirstEntriesEitherWinOrGetAConflictAndTheInvestigationStartsOnce() throws Exception {
        String caseId = openAvvikelse(LegalFlow.LEX_SARAH, "omsorg");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<MockHttpServletResponse>> racers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return command(caseId, "/entries", "sara", """
                                {"type": "orsaker", "concerns": "2026-11-23", "source": "journal", "text": "Racer %d"}"""
                                .formatted(i));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        start.countDown();
        List<MockHttpServletResponse> responses = racers.stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsAnyOf(200)
                .allMatch(status -> status == 200 || status == 409);
        for (MockHttpServletResponse conflict : responses.stream().filter(r -> r.getStatus() == 409).toList()) {
            assertThat(body(conflict).get("detail").asString())
                    .isEqualTo("Ärendet ändrades av någon annan samtidigt. Läs om det och försök igen.");
        }
        long won = responses.stream().filter(r -> r.getStatus() == 200).count();
        assertThat(read(caseId, "sara").get("entries")).hasSize((int) won);
        // one step; a racer flushing the case's outbox may send it again, as the same event (at least once)
        List<ConsumerRecord<String, byte[]>> started = ofType(kafka.recordsFor(Topics.CASES, caseId),
                EventTypes.AVVIKELSE_STEP_RECORDED);
        assertThat(started).extracting(record -> header(record, "ce_id")).containsOnly(
                AvvikelseWork.eventId(new CaseId(UUID.fromString(caseId)), "INVESTIGATION_STARTED:1"));
        assertThat(started).extracting(record -> json.readTree(record.value()).get("step").asString())
                .containsOnly("INVESTIGATION_STARTED");
    }

    // --- helpers

    private static String ivoReport() {
        return """
                {"reportedOn": "2026-11-24", "ivoReference": "3.5.1-12345/2026"}""";
    }

    private String openAvvikelse(LegalFlow flow, String unit) throws Exception {
        UUID id = UUID.randomUUID();
        Law law = switch (flow) {
            case LEX_SARAH -> Law.SOL;
            case LEX_MARIA -> Law.HSL;
            case KRANKANDE_BEHANDLING, SKOLKLAGOMAL -> Law.SKOLLAGEN;
        };
        AvvikelseReported report = new AvvikelseReported(new SubmissionId(id),
                new TrackingCode("AV-" + id.toString().substring(0, 8)), law, flow, unit, "Det som hände.", REPORTED,
                REPORTED, "Åtgärdat direkt.", new AffectedPerson("Sven Svensson", "19121212-1212", false), "personal",
                REPORTED, null);
        String caseId = id.toString();
        kafka.send(Topics.SUBMISSIONS, caseId, EventTypes.AVVIKELSE_REPORTED, json.writeValueAsBytes(report));
        kafka.awaitRecord(Topics.CASES, record -> caseId.equals(record.key())
                && EventTypes.CASE_OPENED.equals(header(record, "ce_type")));
        return caseId;
    }

    private MockHttpServletResponse command(String caseId, String path, String user, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/cases/" + caseId + "/avvikelse" + path)
                .with(httpBasic(user, "utveckling"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private void assertRefused(String caseId, String path, String body, String field) throws Exception {
        MockHttpServletResponse refused = command(caseId, path, "sara", body);
        assertThat(refused.getStatus()).as(path + " " + field).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(body(refused).get("errors")).extracting(error -> error.get("field").asString()).contains(field);
    }

    private JsonNode read(String caseId, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/cases/" + caseId + "/avvikelse")
                .with(httpBasic(user, "utveckling"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return body(response);
    }

    private int status(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "utveckling"))).andReturn().getResponse().getStatus();
    }

    private String queue(String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/queue?status=all")
                .with(httpBasic(user, "utveckling"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private long audited(String caseId) {
        return mongo.count(Query.query(Criteria.where("caseId").is(caseId)), "audit_log");
    }
}
