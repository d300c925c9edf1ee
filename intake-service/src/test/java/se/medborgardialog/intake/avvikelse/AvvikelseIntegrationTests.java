package se.medborgardialog.intake.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Avvikelser over the JSON API: published once Kafka acknowledged, refused with problems, behind a login. */
class AvvikelseIntegrationTests extends IntakeIntegrationTestContext {

    /** A valid personnummer (Skatteverket's test series). */
    static final String PERSONNUMMER = "19121212-1212";

    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    static String lexSarah(String whatHappened, String personName) {
        return """
                {"law": "SOL", "legalFlow": "LEX_SARAH", "unit": "omsorg",
                 "whatHappened": "%s",
                 "occurredAt": "2026-11-22T18:30", "noticedAt": "2026-11-23T08:00:00Z",
                 "immediateMeasures": "Extra personal sattes in direkt.",
                 "affectedPerson": {"name": "%s", "personnummer": "%s", "protectedIdentity": true}}
                """.formatted(whatHappened, personName, PERSONNUMMER);
    }

    static MockHttpServletRequestBuilder report(String json) {
        return post("/api/v1/avvikelser").contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidReportIsPublishedOnceAsAvvikelseReportedKeyedBySubmissionId() throws Exception {
        double before = reportedCount("LEX_SARAH");
        String body = mvc.perform(report(lexSarah("Brukaren fick fel medicin " + UUID.randomUUID(), "Tolvan Tolvansson"))
                        .with(httpBasic("sara", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.legalFlow").value("LEX_SARAH"))
                .andExpect(jsonPath("$.legalFlowName").value("Lex Sarah"))
                .andExpect(jsonPath("$.nextSteps").value(org.hamcrest.Matchers.startsWith(
                        "Lex Sarah: utredning inleds utan dröjsmål")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode receipt = jsonMapper.readTree(body);
        String submissionId = receipt.get("submissionId").asString();

        var records = topic.recordsWithKey(submissionId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.AVVIKELSE_REPORTED);
        assertThat(new String(record.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
                .isEqualTo(submissionId);
        assertThat(record.value()).doesNotContain("191212121212", "1212121212");
        JsonNode event = SealedEvents.unsealed(record.value());
        assertThat(event.get("trackingCode").asString()).isEqualTo(receipt.get("trackingCode").asString());
        assertThat(event.get("law").asString()).isEqualTo("SOL");
        assertThat(event.get("unit").asString()).isEqualTo("omsorg");
        assertThat(event.get("reportedBy").asString()).isEqualTo("sara");
        assertThat(event.get("occurredAt").asString()).isEqualTo("2026-11-22T17:30:00Z");
        assertThat(event.get("affectedPerson").get("personnummer").asString()).isEqualTo("191212121212");
        assertThat(event.get("affectedPerson").get("protectedIdentity").asBoolean()).isTrue();
        assertThat(reportedCount("LEX_SARAH")).isEqualTo(before + 1);
    }

    @Test
    void aFlowThatDoesNotFitTheLawIsRefusedNamingLegalFlowAndNothingIsPublished() throws Exception {
        String marker = "fel-flode-" + UUID.randomUUID();
        long before = topic.size();
        mvc.perform(report("""
                        {"law": "HSL", "legalFlow": "LEX_SARAH", "unit": "omsorg", "whatHappened": "%s",
                         "occurredAt": "2026-11-22T18:30", "noticedAt": "2026-11-23T09:00",
                         "immediateMeasures": "Läkare tillkallades."}
                        """.formatted(marker)).with(httpBasic("sara", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("legalFlow"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Lex Maria")));
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void anInvalidPersonnummerIsRefusedWithTheSwedishMessage() throws Exception {
        String json = lexSarah("Fallolycka " + UUID.randomUUID(), "Tolvan").replace(PERSONNUMMER, "19121212-1213");
        mvc.perform(report(json).with(httpBasic("sara", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("affectedPerson.personnummer"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Personnumret är inte giltigt: kontrollsiffran stämmer inte. Kontrollera att du skrivit rätt."));
    }

    @Test
    void aReportWithoutLoginIsRefusedWith401() throws Exception {
        mvc.perform(report(lexSarah("Utan inloggning", "Tolvan")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aReporterMayNotReportForAnotherUnit() throws Exception {
        long before = topic.size();
        mvc.perform(report(lexSarah("Annan enhet " + UUID.randomUUID(), "Tolvan").replace("\"omsorg\"", "\"skola\""))
                        .with(httpBasic("sara", "utveckling")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void anOfficerMayReportForAnyUnitAndSkollagenNeedsAChosenFlow() throws Exception {
        String json = """
                {"law": "SKOLLAGEN", "unit": "skola", "whatHappened": "Elev blev kallad öknamn %s",
                 "occurredAt": "2026-11-20T12:00", "noticedAt": "2026-11-20T13:00"}
                """.formatted(UUID.randomUUID());
        mvc.perform(report(json).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("legalFlow"));
        mvc.perform(report(json.replace("\"unit\"", "\"legalFlow\": \"KRANKANDE_BEHANDLING\", \"unit\""))
                        .with(httpBasic("anna", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.legalFlow").value("KRANKANDE_BEHANDLING"));
    }

    @Test
    void theIdempotencyRecordIsStoredEncryptedAndARetryGetsTheSameReceipt() throws Exception {
        String key = "avvikelse-" + UUID.randomUUID();
        String text = "Hemlig händelse " + UUID.randomUUID();
        String name = "Namn" + UUID.randomUUID().toString().substring(0, 8);
        String json = lexSarah(text, name);

        String first = mvc.perform(report(json).header("Idempotency-Key", key).with(httpBasic("sara", "utveckling")))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String again = mvc.perform(report(json).header("Idempotency-Key", key).with(httpBasic("sara", "utveckling")))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(jsonMapper.readTree(again)).isEqualTo(jsonMapper.readTree(first));
        String submissionId = jsonMapper.readTree(first).get("submissionId").asString();
        assertThat(topic.recordsWithKey(submissionId)).hasSize(1);

        Document raw = mongo.findOne(Query.query(Criteria.where("_id").is(key)), Document.class,
                "idempotency_records");
        assertThat(raw).isNotNull();
        String storedEventJson = raw.get("event", Document.class).getString("json");
        assertThat(storedEventJson).startsWith("pd1:").doesNotContain(text).doesNotContain(name)
                .doesNotContain("191212121212");
        assertThat(raw.getString("receiptJson")).startsWith("pd1:").doesNotContain(submissionId);
    }

    private double reportedCount(String legalFlow) {
        Counter counter = meters.find("medborgardialog.avvikelser.reported").tag("legalFlow", legalFlow).counter();
        return counter == null ? 0 : counter.count();
    }
}
