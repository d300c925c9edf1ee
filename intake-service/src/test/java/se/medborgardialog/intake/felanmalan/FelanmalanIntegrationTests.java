package se.medborgardialog.intake.felanmalan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.intake.testing.SealedEvents;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The felanmälan API end to end: validation, publishing, reading its own reports back and linking duplicates. */
class FelanmalanIntegrationTests extends IntakeIntegrationTestContext {

    @Autowired
    FelanmalanReports reports;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FelanmalanCells cells;
    @Autowired
    LinkedReports linkedReports;

    @Test
    void theCatalogueIsPublicAndSwedish() throws Exception {
        mvc.perform(get("/api/v1/felanmalan/kategorier"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[*].id").value(Matchers.contains("gatubelysning", "potthal", "klotter",
                        "sno-och-halka", "lekplats", "vatten-och-avlopp", "ovrigt-felanmalan")))
                .andExpect(jsonPath("$[1].name").value("Potthål"))
                .andExpect(jsonPath("$[3].name").value("Snö och halka"))
                .andExpect(jsonPath("$[6].name").value("Övrigt"))
                .andExpect(jsonPath("$[0].description").value(Matchers.not(Matchers.emptyString())));
    }

    @Test
    void aValidReportIsAcceptedAndPublishedOnceAsFelanmalanSubmittedKeyedByItsOwnId() throws Exception {
        long before = topic.size();
        FelanmalanJson report = FelanmalanJson.streetLightOut().address("Storgatan 12");

        JsonNode receipt = receipt(submit(report).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.receivedAt").value("2026-11-23T11:00:00+01:00"))
                .andExpect(jsonPath("$.linked").value(false))
                .andExpect(jsonPath("$.linkedCaseId").doesNotExist())
                // Monday 23 November plus ten working days (sla-service's felanmälan clock).
                .andExpect(jsonPath("$.answerBy").value("2026-12-07"))
                .andExpect(jsonPath("$.message").value(FelanmalanService.NEW_MESSAGE)));
        String submissionId = receipt.get("submissionId").asString();
        assertThat(receipt.get("trackingCode").asString()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");

        List<ConsumerRecord<String, String>> records = topic.recordsWithKey(submissionId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, "ce_type")).isEqualTo(EventTypes.FELANMALAN_SUBMITTED);
        assertThat(header(record, "ce_subject")).isEqualTo(submissionId);
        assertThat(record.value()).doesNotContain("eva@example.se");
        JsonNode event = SealedEvents.unsealed(record.value());
        assertThat(event.get("category").asString()).isEqualTo("gatubelysning");
        assertThat(event.get("channel").asString()).isEqualTo("APP");
        assertThat(event.get("location").get("latitude").asDouble()).isEqualTo(report.latitude());
        assertThat(event.get("location").get("address").asString()).isEqualTo("Storgatan 12");
        assertThat(event.get("photos").isEmpty()).isTrue();
        assertThat(event.get("duplicateOf").isNull()).isTrue();
        assertThat(event.get("contact").get("email").asString()).isEqualTo("eva@example.se");
        assertThat(topic.size()).isEqualTo(before + 1);

        FelanmalanReport stored = awaitReport(submissionId);
        assertThat(stored.caseId()).isEqualTo(submissionId);
        assertThat(stored.trackingCode()).isEqualTo(receipt.get("trackingCode").asString());
        assertThat(stored.address()).isEqualTo("Storgatan 12");
        assertThat(stored.open()).isTrue();
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameReceiptAndOneRecord() throws Exception {
        String key = "felanmalan-it-" + UUID.randomUUID();
        FelanmalanJson report = FelanmalanJson.streetLightOut().set("description", "Släckt lykta " + key);
        long before = topic.size();

        String first = submit(report, key).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String second = submit(report, key).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
        assertThat(topic.size()).isEqualTo(before + 1);
        // The retry prepared a report of its own before finding the key taken: only the first one is recorded.
        assertThat(mongo.count(Query.query(Criteria.where("description").is("Släckt lykta " + key)),
                FelanmalanReport.class))
                .isEqualTo(1);
    }

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                Arguments.of("no location", FelanmalanJson.streetLightOut().withoutLocation(), "location"),
                Arguments.of("only a latitude", FelanmalanJson.streetLightOut().at(59.33, null), "location.longitude"),
                Arguments.of("latitude out of range", FelanmalanJson.streetLightOut().at(95.0, 18.0), "location.latitude"),
                Arguments.of("coordinates in Berlin", FelanmalanJson.streetLightOut().at(52.52, 13.40), "location.latitude"),
                Arguments.of("unknown category", FelanmalanJson.streetLightOut().set("category", "gata-och-trafik"),
                        "category"),
                Arguments.of("no description", FelanmalanJson.streetLightOut().set("description", ""), "description"),
                Arguments.of("bad e-mail", FelanmalanJson.streetLightOut().set("contact",
                        java.util.Map.of("email", "eva.example.se")), "contact.email"),
                Arguments.of("a latitude that is not a number",
                        FelanmalanJson.streetLightOut().set("location", java.util.Map.of("latitude", "norr")),
                        "location.latitude"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void anInvalidReportIsRefusedWithProblemJsonNamingTheFieldAndPublishesNothing(String why, FelanmalanJson report,
            String field) throws Exception {
        long before = topic.size();

        submit(report).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.not(Matchers.emptyString())))
                .andExpect(jsonPath("$.trace").doesNotExist());

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void aSecondReportOfTheSameFaultNearbyIsLinkedToTheFirstCaseAndKeyedByIt() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);

        FelanmalanJson nearby = FelanmalanJson.streetLightOut()
                .at(GeoTests.north(first.latitude(), 120), first.longitude());
        JsonNode receipt = receipt(submit(nearby).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.linked").value(true))
                .andExpect(jsonPath("$.linkedCaseId").value(firstId))
                .andExpect(jsonPath("$.answerBy").doesNotExist())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(
                        "Det finns redan en anmälan om detta i närheten"))));
        String secondId = receipt.get("submissionId").asString();

        ConsumerRecord<String, String> record = topic.recordsWithKey(firstId).stream()
                .filter(candidate -> secondId.equals(header(candidate, "ce_subject"))).findFirst().orElseThrow();
        assertThat(jsonMapper.readTree(record.value()).get("duplicateOf").asString()).isEqualTo(firstId);
        FelanmalanReport linked = awaitReport(secondId);
        assertThat(linked.caseId()).isEqualTo(firstId);
        assertThat(linked.duplicateOf()).isEqualTo(firstId);

        // A third report right next to the second (but 300 m from the first) is not linked to the linked one.
        FelanmalanJson nextToTheLinkedOne = FelanmalanJson.streetLightOut()
                .at(GeoTests.north(first.latitude(), 300), first.longitude());
        submit(nextToTheLinkedOne).andExpect(status().isAccepted()).andExpect(jsonPath("$.linked").value(false));
    }

    @Test
    void aSecondReportSentTheMomentAfterTheFirstIsLinkedWithoutWaitingForTheReadBack() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();

        // No waiting: the request that published the first report recorded it once Kafka had acknowledged it.
        assertThat(reports.findAll(List.of(firstId))).as("recorded by the request itself").hasSize(1);
        FelanmalanJson nearby = FelanmalanJson.streetLightOut().at(GeoTests.north(first.latitude(), 40), first.longitude());
        submit(nearby).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.linked").value(true))
                .andExpect(jsonPath("$.linkedCaseId").value(firstId));
    }

    @Test
    void aReportOfAnotherCategoryNearbyIsNotLinked() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);

        FelanmalanJson pothole = FelanmalanJson.streetLightOut().set("category", "potthal")
                .at(GeoTests.north(first.latitude(), 20), first.longitude());
        String potholeId = receipt(submit(pothole).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.linked").value(false))).get("submissionId").asString();

        assertThat(topic.recordsWithKey(potholeId)).hasSize(1);
    }

    @Test
    void aReportNearAClosedCaseIsNotLinkedAndClosingClosesTheLinkedReportsToo() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);
        FelanmalanJson duplicate = FelanmalanJson.streetLightOut().at(first.latitude(), first.longitude());
        String duplicateId = receipt(submit(duplicate).andExpect(jsonPath("$.linked").value(true)))
                .get("submissionId").asString();
        awaitReport(duplicateId);

        CaseId caseId = new CaseId(UUID.fromString(firstId));
        events.send(Topics.CASES, firstId, EventTypes.CASE_CLOSED,
                new CaseClosed(caseId, "stadsmiljo", CaseOutcome.values()[0], NOW, "anna"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(reports.find(firstId)).hasValueSatisfying(report -> assertThat(report.open()).isFalse());
            assertThat(reports.find(duplicateId)).hasValueSatisfying(report -> assertThat(report.open()).isFalse());
        });

        FelanmalanJson again = FelanmalanJson.streetLightOut().at(first.latitude(), first.longitude());
        String againId = receipt(submit(again).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.linked").value(false))).get("submissionId").asString();
        assertThat(topic.recordsWithKey(againId)).hasSize(1);
    }

    @Test
    void aReportAcrossACellsEdgeFromTheFirstIsLinkedAndAClosedCaseLeavesItsCell() throws Exception {
        // Just south-west of a cell's corner (cells: 0.01° of latitude by 0.02° of longitude), somewhere of its own.
        double latitude = 0.01 * Math.floor(ThreadLocalRandom.current().nextDouble(56.0, 68.0) / 0.01) - 0.0001;
        double longitude = 0.02 * Math.floor(ThreadLocalRandom.current().nextDouble(12.0, 23.0) / 0.02) - 0.0001;
        FelanmalanJson first = FelanmalanJson.streetLightOut().at(latitude, longitude);
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);
        String cell = FelanmalanCells.cellId("gatubelysning", latitude, longitude);
        assertThat(cellReports(cell)).contains(firstId);

        // 120 m north and about 90 m east: the next cell up and the next to the right.
        double east = longitude + 0.0016;
        FelanmalanJson across = FelanmalanJson.streetLightOut().at(GeoTests.north(latitude, 120), east);
        assertThat(FelanmalanCells.cellId("gatubelysning", GeoTests.north(latitude, 120), east)).isNotEqualTo(cell);
        submit(across).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.linked").value(true))
                .andExpect(jsonPath("$.linkedCaseId").value(firstId));

        events.send(Topics.CASES, firstId, EventTypes.CASE_CLOSED, new CaseClosed(new CaseId(UUID.fromString(firstId)),
                "stadsmiljo", CaseOutcome.values()[0], NOW, "anna"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cellReports(cell)).doesNotContain(firstId));
    }

    @Test
    void reportsStoredBeforeThereWereCellsArePutInThemOnceAtStart() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);
        String cell = FelanmalanCells.cellId("gatubelysning", first.latitude(), first.longitude());
        mongo.remove(Query.query(Criteria.where("_id").in(cell, "_filled")), FelanmalanCells.COLLECTION);
        assertThat(reports.nearestOpen("gatubelysning", first.latitude(), first.longitude(), 250)).isEmpty();

        cells.afterPropertiesSet();

        assertThat(reports.nearestOpen("gatubelysning", first.latitude(), first.longitude(), 250))
                .hasValueSatisfying(found -> assertThat(found.submissionId()).isEqualTo(firstId));
    }

    @Test
    void reportsLinkedBeforeTheyWereKeptPerCaseAreNamedAtStartAndCloseWithTheirCase() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut();
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);
        String duplicateId = receipt(submit(FelanmalanJson.streetLightOut().at(first.latitude(), first.longitude()))
                .andExpect(jsonPath("$.linked").value(true))).get("submissionId").asString();
        awaitReport(duplicateId);
        mongo.remove(Query.query(Criteria.where("_id").in(firstId, "_filled")), LinkedReports.COLLECTION);

        linkedReports.afterPropertiesSet();
        events.send(Topics.CASES, firstId, EventTypes.CASE_CLOSED, new CaseClosed(new CaseId(UUID.fromString(firstId)),
                "stadsmiljo", CaseOutcome.values()[0], NOW, "anna"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(reports.find(duplicateId)).hasValueSatisfying(report -> assertThat(report.open()).isFalse()));
        assertThat(reports.find(firstId)).hasValueSatisfying(report -> assertThat(report.open()).isFalse());
    }

    @Test
    void aReportWithOnlyAnAddressIsNeverLinked() throws Exception {
        FelanmalanJson first = FelanmalanJson.streetLightOut().withoutLocation().set("location",
                java.util.Map.of("address", "Kyrkogatan 3"));
        String firstId = receipt(submit(first).andExpect(status().isAccepted())).get("submissionId").asString();
        awaitReport(firstId);

        submit(first).andExpect(status().isAccepted()).andExpect(jsonPath("$.linked").value(false));
    }

    @Test
    void readingTheSameReportTwiceChangesNothing() throws Exception {
        String id = receipt(submit(FelanmalanJson.streetLightOut())).get("submissionId").asString();
        FelanmalanReport stored = awaitReport(id);
        ConsumerRecord<String, String> record = topic.recordsWithKey(id).get(0);

        events.send(Topics.SUBMISSIONS, id, EventTypes.FELANMALAN_SUBMITTED,
                header(record, "ce_id"), jsonMapper.readTree(record.value()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorded.of(
                se.medborgardialog.contracts.FelanmalanSubmitted.class).stream()
                .filter(event -> event.submissionId().toString().equals(id))).hasSize(2));

        assertThat(reports.find(id)).contains(stored);
    }

    private ResultActions submit(FelanmalanJson report) throws Exception {
        return submit(report, null);
    }

    private ResultActions submit(FelanmalanJson report, String idempotencyKey) throws Exception {
        var request = post("/api/v1/felanmalningar").contentType(MediaType.APPLICATION_JSON).content(report.json());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private JsonNode receipt(ResultActions result) throws Exception {
        return jsonMapper.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<String> cellReports(String cell) {
        org.bson.Document found = mongo.findById(cell, org.bson.Document.class, FelanmalanCells.COLLECTION);
        return found == null ? List.of() : found.getList("reports", String.class);
    }

    private FelanmalanReport awaitReport(String submissionId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.find(submissionId).isPresent());
        return reports.find(submissionId).orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
