package se.medborgardialog.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Open311 GeoReport v2 end to end: the catalogue, posting through felanmälan to Kafka, reading requests back. */
class Open311IntegrationTests extends IntakeIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String V2 = "/open311/v2";
    private static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
    private static final Instant OPENED = NOW.plusSeconds(30);
    private static final Instant DUE = Instant.parse("2026-11-25T22:59:59.999999999Z");

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theServicesAreTheFelanmalanCatalogueInJsonAndXml() throws Exception {
        String json = body(mvc.perform(get(V2 + "/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[*].service_code").value(Matchers.contains("gatubelysning", "potthal", "klotter",
                        "sno-och-halka", "lekplats", "vatten-och-avlopp", "ovrigt-felanmalan")))
                .andExpect(jsonPath("$[1].service_name").value("Potthål"))
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("Gatlykta")))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").value(Matchers.containsString("gatlykta")))
                .andExpect(jsonPath("$[6].keywords").value(Matchers.nullValue()))
                .andExpect(jsonPath("$[0].group").value("Felanmälan")));
        Open311Schemas.assertValid("services.json", json);
        assertThat(jsonMapper.readTree(json).isArray()).isTrue();

        Document xml = xml(mvc.perform(get(V2 + "/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML)));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        List<Element> services = children(root);
        assertThat(services).hasSize(7).allSatisfy(service -> {
            assertThat(service.getTagName()).isEqualTo("service");
            assertThat(children(service)).extracting(Element::getTagName).containsExactly(
                    "service_code", "service_name", "description", "metadata", "type", "keywords", "group");
        });
        assertThat(text(services.get(1), "service_name")).isEqualTo("Potthål");
        assertThat(text(services.get(1), "metadata")).isEqualTo("false");
        assertThat(text(services.get(1), "type")).isEqualTo("realtime");
    }

    @Test
    void aServiceDefinitionHasNoAttributesAndAnUnknownCodeIsNotFoundInTheErrorFormat() throws Exception {
        String json = body(mvc.perform(get(V2 + "/services/potthal.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("potthal"))
                .andExpect(jsonPath("$.attributes").isArray())
                .andExpect(jsonPath("$.attributes").isEmpty()));
        Open311Schemas.assertValid("service-definition.json", json);

        Element definition = xml(mvc.perform(get(V2 + "/services/potthal.xml")).andExpect(status().isOk()))
                .getDocumentElement();
        assertThat(definition.getTagName()).isEqualTo("service_definition");
        assertThat(children(definition)).extracting(Element::getTagName).containsExactly("service_code", "attributes");

        mvc.perform(get(V2 + "/services/gata-och-trafik.json"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("service_code:")));
        assertErrorXml(mvc.perform(get(V2 + "/services/gata-och-trafik.xml")).andExpect(status().isNotFound()), 404);
    }

    @Test
    void aPostWithTheDevelopmentKeyGoesToKafkaAndIsReadBackWithItsCasesDeadlineAndStatus() throws Exception {
        Open311Form form = Open311Form.streetLightOut().set("address_string", "Storgatan 12");
        long before = topic.size();

        JsonNode created = created(submit(form).andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].account_id").value(Matchers.nullValue()))
                .andExpect(jsonPath("$[0].service_notice").value(Matchers.startsWith("Tack för din felanmälan!"))));
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.get("service_notice").asString()).endsWith("Spårningskod: " + token + ".");

        // On Kafka before the answer, as from the JSON API, keyed by the new case. (The contact it carries is checked
        // in PostedRequestTests: how it travels on Kafka is felanmälan's business.)
        assertThat(topic.size()).isEqualTo(before + 1);
        ConsumerRecord<String, String> record = topic.recordsWithKey(id).get(0);
        JsonNode event = jsonMapper.readTree(record.value());
        assertThat(header(record, "ce_type")).isEqualTo(EventTypes.FELANMALAN_SUBMITTED);
        assertThat(event.get("category").asString()).isEqualTo("gatubelysning");
        assertThat(event.get("channel").asString()).isEqualTo("APP");
        assertThat(event.get("trackingCode").asString()).isEqualTo(token);
        assertThat(event.get("location").get("latitude").asDouble()).isEqualTo(form.latitude());
        assertThat(event.get("location").get("address").asString()).isEqualTo("Storgatan 12");

        String json = body(await().atMost(PATIENCE).until(() -> mvc.perform(get(V2 + "/requests/{id}.json", id)),
                        this::found)
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value(Matchers.startsWith("Felanmälan är mottagen")))
                .andExpect(jsonPath("$[0].service_code").value("gatubelysning"))
                .andExpect(jsonPath("$[0].service_name").value("Gatubelysning"))
                .andExpect(jsonPath("$[0].description").value("Gatlyktan vid busshållplatsen är släckt."))
                .andExpect(jsonPath("$[0].requested_datetime").value("2026-11-23T11:00:00+01:00"))
                .andExpect(jsonPath("$[0].updated_datetime").value("2026-11-23T11:00:00+01:00"))
                .andExpect(jsonPath("$[0].expected_datetime").value(Matchers.nullValue()))
                .andExpect(jsonPath("$[0].address").value("Storgatan 12"))
                .andExpect(jsonPath("$[0].lat").value(form.latitude()))
                .andExpect(jsonPath("$[0].long").value(form.longitude())));
        Open311Schemas.assertValid("requests.json", json);
        assertThat(fieldNames(jsonMapper.readTree(json).get(0))).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(json).doesNotContain("Eva", "eva@example.se", "070-123");

        // The token handed out resolves to the request.
        mvc.perform(get(V2 + "/tokens/{token}.json", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(token));

        // case-service opens the case, sla-service schedules its deadline: registered, with an expected time.
        String diarienummer = "SBN 2026/" + (1000 + (id.hashCode() & 0xFFF));
        openCase(id, diarienummer);
        events.send(Topics.DEADLINES, id, EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(caseId(id),
                "first-answer", "stadsmiljo", 2, NOW, LocalDate.parse("2026-11-25"), DUE));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(V2 + "/requests/{id}.json", id))
                .andExpect(jsonPath("$[0].expected_datetime").value("2026-11-25T23:59:59+01:00"))
                .andExpect(jsonPath("$[0].status_notes").value(Matchers.containsString(diarienummer)))
                .andExpect(jsonPath("$[0].agency_responsible").value("stadsmiljo"))
                .andExpect(jsonPath("$[0].updated_datetime").value("2026-11-23T11:00:30+01:00")));

        Instant closedAt = NOW.plus(Duration.ofDays(1));
        events.send(Topics.CASES, id, EventTypes.CASE_CLOSED,
                new CaseClosed(caseId(id), "stadsmiljo", CaseOutcome.ATGARDAT, closedAt, "anna"));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(V2 + "/requests/{id}.json", id))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("Ärendet är avslutat: felet är åtgärdat."))
                .andExpect(jsonPath("$[0].updated_datetime").value("2026-11-24T11:00:00+01:00")));

        Element request = single(xml(mvc.perform(get(V2 + "/requests/{id}.xml", id)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))));
        assertThat(children(request)).extracting(Element::getTagName).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "status")).isEqualTo("closed");
        assertThat(text(request, "expected_datetime")).isEqualTo("2026-11-25T23:59:59+01:00");
        assertThat(text(request, "media_url")).isEmpty();
    }

    @Test
    void aPostAnsweredInXmlIsAServiceRequestsListWithTheId() throws Exception {
        Element request = single(xml(mvc.perform(post(V2 + "/requests.xml")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(Open311Form.streetLightOut().encoded()))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))));
        assertThat(children(request)).extracting(Element::getTagName)
                .containsExactly("service_request_id", "token", "service_notice", "account_id");
        assertThat(topic.recordsWithKey(text(request, "service_request_id"))).hasSize(1);
    }

    @Test
    void aMultipartPostIsReadLikeAForm() throws Exception {
        Open311Form form = Open311Form.streetLightOut();

        String id = id(mvc.perform(multipart(V2 + "/requests.json")
                .param("api_key", Open311Form.DEVELOPMENT_KEY)
                .param("service_code", "klotter")
                .param("description", "Klotter på elskåpet.")
                .param("lat", Double.toString(form.latitude()))
                .param("long", Double.toString(form.longitude()))));

        assertThat(jsonMapper.readTree(topic.recordsWithKey(id).get(0).value()).get("category").asString())
                .isEqualTo("klotter");
    }

    @Test
    void theRequestsCanBeFilteredByIdServiceCodeStatusAndDates() throws Exception {
        String light = id(submit(Open311Form.streetLightOut()));
        String pothole = id(submit(Open311Form.streetLightOut().set("service_code", "potthal")));
        String closedPothole = id(submit(Open311Form.streetLightOut().set("service_code", "potthal")));
        awaitVisible(light);
        awaitVisible(pothole);
        awaitVisible(closedPothole);
        events.send(Topics.CASES, closedPothole, EventTypes.CASE_CLOSED,
                new CaseClosed(caseId(closedPothole), "stadsmiljo", CaseOutcome.INGEN_ATGARD, OPENED, "anna"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids("status=closed")).contains(closedPothole));

        String json = body(mvc.perform(get(V2 + "/requests.json")).andExpect(status().isOk()));
        Open311Schemas.assertValid("requests.json", json);
        assertThat(ids()).contains(light, pothole, closedPothole);
        assertThat(ids("service_code=potthal")).contains(pothole, closedPothole).doesNotContain(light);
        assertThat(ids("service_code=potthal,gatubelysning")).contains(light, pothole, closedPothole);
        assertThat(ids("service_code=potthal", "status=open")).contains(pothole).doesNotContain(closedPothole, light);
        assertThat(ids("status=open,closed")).contains(light, pothole, closedPothole);
        assertThat(ids("status=closed")).contains(closedPothole).doesNotContain(light, pothole);
        // service_request_id overrides every other filter.
        assertThat(ids("service_request_id=" + light + "," + closedPothole, "status=open",
                "service_code=klotter"))
                .containsExactlyInAnyOrder(light, closedPothole);
        // Everything here was received at NOW, 11:00 Swedish time.
        assertThat(ids("start_date=2026-11-23T10:59:00+01:00", "end_date=2026-11-23T11:01:00+01:00"))
                .contains(light, pothole, closedPothole);
        // A "+" sent unencoded arrives as a space, and is read as the "+" it was.
        assertThat(ids("start_date=2026-11-23T10:59:00 01:00", "end_date=2026-11-23T11:01:00 01:00"))
                .contains(light);
        assertThat(ids("start_date=2026-11-23T10:01:00Z")).doesNotContain(light);
        assertThat(ids("end_date=2026-11-22")).doesNotContain(light);
        assertThat(ids("start_date=2026-11-23", "end_date=2026-11-23")).contains(light);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() throws Exception {
        mvc.perform(get(V2 + "/requests.json").param("start_date", "i går"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("start_date:")));
        mvc.perform(get(V2 + "/requests.json").param("start_date", "2026-01-01").param("end_date", "2026-11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("end_date:")));
        mvc.perform(get(V2 + "/requests.json").param("status", "pending"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("status:")));
    }

    @Test
    void aPostWithoutAValidApiKeyIsForbiddenInTheErrorFormatAndPublishesNothing() throws Exception {
        long before = topic.size();

        submit(Open311Form.streetLightOut().without("api_key"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("api_key:")));
        submit(Open311Form.streetLightOut().set("api_key", "en-gissad-nyckel-som-inte-finns"))
                .andExpect(status().isForbidden());
        assertErrorXml(mvc.perform(post(V2 + "/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(Open311Form.streetLightOut().without("api_key").encoded())).andExpect(status().isForbidden()),
                403);

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void invalidPostsAreRefusedWithOneErrorPerFieldInOpen311NamesAndPublishNothing() throws Exception {
        long before = topic.size();

        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().set("service_code", "gata-och-trafik"))))
                .anySatisfy(description -> assertThat(description).startsWith("service_code: "));
        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().set("lat", "norr"))))
                .anySatisfy(description -> assertThat(description).startsWith("lat: "));
        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().set("long", "95"))))
                .anySatisfy(description -> assertThat(description).startsWith("long: "));
        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().set("description", " ").set("email", "eva"))))
                .anySatisfy(description -> assertThat(description).startsWith("description: "))
                .anySatisfy(description -> assertThat(description).startsWith("email: "));
        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().without("lat").without("long")
                .set("address_id", "A-123"))))
                .containsExactly("address_id: Kommunen har inget adressregister för Open311; ange lat och long eller "
                        + "address_string.");
        assertThat(errorDescriptions(submit(Open311Form.streetLightOut().without("lat").without("long"))))
                .anySatisfy(description -> assertThat(description).startsWith("lat, long, address_string: "));

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void unknownRequestsTokensFormatsAndPathsAreNotFoundInTheErrorFormat() throws Exception {
        String unknown = UUID.randomUUID().toString();
        mvc.perform(get(V2 + "/requests/{id}.json", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(Matchers.containsString(unknown)));
        assertErrorXml(mvc.perform(get(V2 + "/requests/{id}.xml", unknown)).andExpect(status().isNotFound()), 404);
        mvc.perform(get(V2 + "/requests/{id}.json", "inte-ett-id")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get(V2 + "/tokens/{token}.json", "0000-0000-0000-0000")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get(V2 + "/services.html")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].code").value(404));
        assertErrorXml(mvc.perform(get(V2 + "/discovery.xml")).andExpect(status().isNotFound()), 404);
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameRequestAndOneRecord() throws Exception {
        Open311Form form = Open311Form.streetLightOut();
        String key = "open311-it-" + UUID.randomUUID();
        long before = topic.size();

        String first = id(mvc.perform(post(V2 + "/requests.json").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form.encoded())));
        String second = id(mvc.perform(post(V2 + "/requests.json").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form.encoded())));

        assertThat(second).isEqualTo(first);
        assertThat(topic.size()).isEqualTo(before + 1);
    }

    @Test
    void aSecondReportNearbyIsItsOwnRequestThatFollowsTheFirstCase() throws Exception {
        Open311Form first = Open311Form.streetLightOut();
        String firstId = id(submit(first));
        awaitVisible(firstId);

        Open311Form nearby = Open311Form.streetLightOut()
                .at(first.latitude() + Math.toDegrees(120 / 6_371_008.8), first.longitude());
        String secondId = id(submit(nearby));
        assertThat(secondId).isNotEqualTo(firstId);
        ConsumerRecord<String, String> record = topic.recordsWithKey(firstId).stream()
                .filter(candidate -> secondId.equals(header(candidate, "ce_subject"))).findFirst().orElseThrow();
        assertThat(jsonMapper.readTree(record.value()).get("duplicateOf").asString()).isEqualTo(firstId);

        openCase(firstId, "SBN 2026/4711");
        events.send(Topics.DEADLINES, firstId, EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(caseId(firstId),
                "first-answer", "stadsmiljo", 2, NOW, LocalDate.parse("2026-11-25"), DUE));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(V2 + "/requests/{id}.json", secondId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(secondId))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value(Matchers.startsWith(
                        "Samma fel som service request " + firstId + "; den här anmälan följer det ärendet.")))
                .andExpect(jsonPath("$[0].status_notes").value(Matchers.containsString("SBN 2026/4711")))
                .andExpect(jsonPath("$[0].expected_datetime").value("2026-11-25T23:59:59+01:00")));

        events.send(Topics.CASES, firstId, EventTypes.CASE_CLOSED,
                new CaseClosed(caseId(firstId), "stadsmiljo", CaseOutcome.ATGARDAT, OPENED, "anna"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids("status=closed", "service_request_id="
                + firstId + "," + secondId)).containsExactlyInAnyOrder(firstId, secondId));
        mvc.perform(get(V2 + "/requests.json").param("service_request_id", secondId))
                .andExpect(jsonPath("$[0].status").value("closed"));
    }

    @Test
    void addingXmlForOpen311LeavesTheJsonApiJson() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        mvc.perform(get("/api/v1/felanmalan/kategorier").header(HttpHeaders.ACCEPT, browser))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/v1/felanmalan/kategorier").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/v1/status/{code}", "inte-en-kod").header(HttpHeaders.ACCEPT, browser))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));
        mvc.perform(post("/api/v1/felanmalningar").header(HttpHeaders.ACCEPT, browser)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // The Open311 paths answer in the format of their extension, whatever the Accept header says.
        mvc.perform(get(V2 + "/services.xml").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML));
    }

    private ResultActions submit(Open311Form form) throws Exception {
        return mvc.perform(post(V2 + "/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form.encoded()));
    }

    private void openCase(String id, String diarienummer) {
        events.send(Topics.CASES, id, EventTypes.CASE_OPENED, new CaseOpened(caseId(id),
                new SubmissionId(UUID.fromString(id)), new Diarienummer(diarienummer), null, "gatubelysning",
                Channel.APP, "stadsmiljo", NOW, OPENED, CaseType.FELANMALAN, null));
    }

    private void awaitVisible(String id) {
        await().atMost(PATIENCE).until(() -> mvc.perform(get(V2 + "/requests/{id}.json", id)), this::found);
    }

    private boolean found(ResultActions result) {
        return result.andReturn().getResponse().getStatus() == 200;
    }

    /** The ids {@code GET requests.json} answers with, for query parameters given as {@code "name=value"}. */
    private List<String> ids(String... parameters) throws Exception {
        var request = get(V2 + "/requests.json");
        for (String parameter : parameters) {
            String[] nameAndValue = parameter.split("=", 2);
            request.param(nameAndValue[0], nameAndValue[1]);
        }
        JsonNode requests = jsonMapper.readTree(body(mvc.perform(request).andExpect(status().isOk())));
        assertThat(requests.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        requests.forEach(found -> ids.add(found.get("service_request_id").asString()));
        return ids;
    }

    /** The schemas have none for this answer: its fields and their types are checked by hand. */
    private JsonNode created(ResultActions result) throws Exception {
        JsonNode answer = jsonMapper.readTree(body(result)).get(0);
        assertThat(fieldNames(answer)).containsExactly("service_request_id", "token", "service_notice", "account_id");
        assertThat(answer.get("service_request_id").isString()).isTrue();
        assertThat(answer.get("token").isString()).isTrue();
        assertThat(answer.get("service_notice").isString()).isTrue();
        assertThat(answer.get("account_id").isNull()).isTrue();
        return answer;
    }

    private String id(ResultActions result) throws Exception {
        return jsonMapper.readTree(body(result.andExpect(status().isCreated()))).get(0).get("service_request_id")
                .asString();
    }

    private List<String> errorDescriptions(ResultActions result) throws Exception {
        JsonNode errors = jsonMapper.readTree(body(result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))));
        List<String> descriptions = new ArrayList<>();
        errors.forEach(error -> {
            assertThat(error.get("code").asInt()).isEqualTo(400);
            descriptions.add(error.get("description").asString());
        });
        return descriptions;
    }

    private static void assertErrorXml(ResultActions result, int code) throws Exception {
        Element errors = xml(result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML)))
                .getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(children(errors)).isNotEmpty().allSatisfy(error -> {
            assertThat(error.getTagName()).isEqualTo("error");
            assertThat(children(error)).extracting(Element::getTagName).containsExactly("code", "description");
            assertThat(text(error, "code")).isEqualTo(Integer.toString(code));
            assertThat(text(error, "description")).isNotBlank();
        });
    }

    private static CaseId caseId(String id) {
        return new CaseId(UUID.fromString(id));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Document xml(ResultActions result) throws Exception {
        byte[] bytes = result.andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The one {@code <request>} of a {@code <service_requests>} answer. */
    private static Element single(Document document) {
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        List<Element> requests = children(root);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getTagName()).isEqualTo("request");
        return requests.get(0);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"))
                .getTextContent();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
