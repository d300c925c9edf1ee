package se.medborgardialog.intake.submission;

import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

import se.medborgardialog.intake.publishing.IdempotencyRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;

/** The whole intake flow against a real in-process KRaft broker and the in-process MongoDB store. */
class SubmissionIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MeterRegistry meters;

    @Test
    void publishesOneCloudEventKeyedBySubmissionIdAndAnswersWithAReceipt() throws Exception {
        double before = receivedCount("klagomal", "web");

        String body = mvc.perform(submission(SubmissionJson.complaint().json()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.trackingCode").value(Matchers.matchesPattern(
                        "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-23T11:00:00+01:00"))
                .andExpect(jsonPath("$.answerBy").value("2026-11-25"))
                .andExpect(jsonPath("$.answerByAt").value("2026-11-25T23:59:59.999999999+01:00"))
                .andExpect(jsonPath("$.anonymous").value(false))
                .andExpect(jsonPath("$.message").value(
                        "Tack för din synpunkt! Du får svar senast onsdag 25 november 2026."))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode receipt = jsonMapper.readTree(body);
        String submissionId = receipt.get("submissionId").asString();

        var records = topic.recordsWithKey(submissionId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(recordHeader(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(recordHeader(record, "ce_id")).isEqualTo(UUID.nameUUIDFromBytes(
                (submissionId + ":synpunkt-submitted").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(recordHeader(record, "ce_source")).isEqualTo(EventTypes.SOURCE_INTAKE);
        assertThat(recordHeader(record, "ce_type")).isEqualTo(EventTypes.SYNPUNKT_SUBMITTED);
        assertThat(recordHeader(record, "ce_time")).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(recordHeader(record, "ce_subject")).isEqualTo(submissionId);
        assertThat(recordHeader(record, "content-type")).isEqualTo("application/json");

        assertThat(record.value()).doesNotContain("karin@example.se", SubmissionJson.complaint().text());
        JsonNode event = SealedEvents.unsealed(record.value());
        assertThat(event.get("submissionId").asString()).isEqualTo(submissionId);
        assertThat(event.get("trackingCode").asString()).isEqualTo(receipt.get("trackingCode").asString());
        assertThat(event.get("kind").asString()).isEqualTo("KLAGOMAL");
        assertThat(event.get("category").asString()).isEqualTo("gata-och-trafik");
        assertThat(event.get("text").asString()).isEqualTo(SubmissionJson.complaint().text());
        assertThat(event.get("channel").asString()).isEqualTo("WEB");
        assertThat(event.get("receivedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(event.get("submittedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(event.get("contact").get("email").asString()).isEqualTo("karin@example.se");
        assertThat(event.get("registeredBy").isNull()).isTrue();

        assertThat(receivedCount("klagomal", "web")).isEqualTo(before + 1);
        assertThat(meters.get("medborgardialog.submissions.received").tag("kind", "klagomal").counter()
                .getId().getTag("application")).isEqualTo("intake-service");
    }

    @Test
    void anAnonymousReceiptSaysTheSynpunktCannotBeAnswered() throws Exception {
        mvc.perform(submission(SubmissionJson.complaint().anonymous().json()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.anonymous").value(true))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("kan vi inte svara dig")));
    }

    @Test
    void toleratesFieldsItDoesNotKnow() throws Exception {
        String json = SubmissionJson.complaint().json().replaceFirst("\\{", "{\"formVersion\":3,");

        mvc.perform(submission(json)).andExpect(status().isAccepted());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameReceiptAndPublishesNothingNew() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String json = SubmissionJson.complaint().json();

        String first = mvc.perform(submission(json).header("Idempotency-Key", key))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long afterFirst = topic.size();
        String second = mvc.perform(submission(json).header("Idempotency-Key", key))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(jsonMapper.readTree(second)).isEqualTo(jsonMapper.readTree(first));
        String submissionId = jsonMapper.readTree(first).get("submissionId").asString();
        assertThat(topic.recordsWithKey(submissionId)).hasSize(1);
        assertThat(topic.size()).isEqualTo(afterFirst);
        // Marked published off the request thread (PublishedMarks), shortly after the answer.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(key, IdempotencyRecord.class).published());
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRefusedWith422() throws Exception {
        String key = "conflict-" + UUID.randomUUID();
        mvc.perform(submission(SubmissionJson.complaint().json()).header("Idempotency-Key", key))
                .andExpect(status().isAccepted());
        long before = topic.size();

        mvc.perform(submission(SubmissionJson.complaint().text("Något helt annat.").json())
                        .header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(topic.size()).isEqualTo(before);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"kind\": \"klagomål\", ", "body"),
                Arguments.of("unknown kind", SubmissionJson.complaint().kind("gnäll").json(), "kind"),
                Arguments.of("unknown channel", SubmissionJson.complaint().channel("brevduva").json(), "channel"),
                Arguments.of("missing text", SubmissionJson.complaint().text(null).json(), "text"),
                Arguments.of("too long text", SubmissionJson.complaint().text("a".repeat(5001)).json(), "text"),
                Arguments.of("text of the wrong type", SubmissionJson.complaint().json().replaceFirst(
                        "\"text\":\"[^\"]*\"", "\"text\":42"), "text"),
                Arguments.of("unknown category", SubmissionJson.complaint().category("rymden").json(), "category"),
                Arguments.of("invalid e-mail", SubmissionJson.complaint().email("inte-en-adress").json(),
                        "contact.email"),
                Arguments.of("invalid receivedAt", SubmissionJson.letter().receivedAt("20 november").json(),
                        "receivedAt"),
                Arguments.of("receivedAt without offset", SubmissionJson.letter()
                        .receivedAt("2026-11-20T14:05:00").json(), "receivedAt"),
                Arguments.of("future receivedAt", SubmissionJson.letter()
                        .receivedAt("2026-11-23T12:00:00+01:00").json(), "receivedAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWith400NamingTheFieldAndPublishesNothing(String what, String json, String field)
            throws Exception {
        long before = topic.size();

        mvc.perform(submission(json).with(httpBasic("rolf", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)))
                .andExpect(jsonPath("$.trace").doesNotExist());

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        mvc.perform(submission(SubmissionJson.complaint().text("a".repeat(70_000)).json()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aStaffChannelWithoutCredentialsIsRefusedWith401() throws Exception {
        long before = topic.size();

        mvc.perform(submission(SubmissionJson.letter().json()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void aStaffChannelFromAUserWhoMayNotRegisterIsRefusedWith403() throws Exception {
        mvc.perform(submission(SubmissionJson.letter().json()).with(httpBasic("stina", "utveckling")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongPasswordIsRefusedWith401() throws Exception {
        mvc.perform(submission(SubmissionJson.letter().json()).with(httpBasic("rolf", "fel")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theRegistratorRegistersALetterWithItsRealTimeOfReceipt() throws Exception {
        String body = mvc.perform(submission(SubmissionJson.letter().json()).with(httpBasic("rolf", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.receivedAt").value("2026-11-20T14:05:00+01:00"))
                // Received Friday: Monday and Tuesday are the two working days.
                .andExpect(jsonPath("$.answerBy").value("2026-11-24"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String submissionId = jsonMapper.readTree(body).get("submissionId").asString();

        JsonNode event = jsonMapper.readTree(topic.recordsWithKey(submissionId).get(0).value());
        assertThat(event.get("channel").asString()).isEqualTo("BREV");
        assertThat(event.get("receivedAt").asString()).isEqualTo("2026-11-20T13:05:00Z");
        assertThat(event.get("submittedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(event.get("registeredBy").asString()).isEqualTo("rolf");
    }

    @Test
    void listsTheCategoryCatalogue() throws Exception {
        mvc.perform(get("/api/v1/categories"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[0].id").value("gata-och-trafik"))
                .andExpect(jsonPath("$[0].name").value("Gata och trafik"));
    }

    private static MockHttpServletRequestBuilder submission(String json) {
        return post("/api/v1/synpunkter").contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String recordHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private double receivedCount(String kind, String channel) {
        var counter = meters.find("medborgardialog.submissions.received").tags(Map.of("kind", kind, "channel", channel)
                .entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
