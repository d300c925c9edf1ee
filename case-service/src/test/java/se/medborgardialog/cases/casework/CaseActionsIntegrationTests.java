package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static se.medborgardialog.cases.RecordingKafkaProbe.header;
import static se.medborgardialog.cases.Submissions.aSubmission;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import se.medborgardialog.cases.RecordingKafkaProbe;
import se.medborgardialog.cases.TestSmtp;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.CitizenReplyPersonalData;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer's actions over HTTP Basic (MockMvc), against a real in-process KRaft broker, the in-process MongoDB
 * wire-protocol store and an SMTP server. Users: anna (officer, stadsmiljo), bertil (officer, medborgarservice),
 * maria (manager, both).
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "cases.outbox.relay-interval=1h",
        "cases.mail.relay-interval=1h",
        "cases.mail.intake-base-url=https://e-tjanster.exempel.se"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES,
        CaseActionsIntegrationTests.SUBMISSIONS_DLT, "medborgardialog.deadlines.v1.case-service.dlt"})
class CaseActionsIntegrationTests {

    static final String SUBMISSIONS_DLT = "medborgardialog.submissions.v1.case-service.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** intake's development event key (cases.event-keys), as intake seals a reply. */
    private static final PersonalDataCipher EVENT_KEY = new PersonalDataCipher("ev-dev1",
            Map.of("ev-dev1", "ZGV2ZWxvcG1lbnQtb25seS1ldmVudC1rZXktMzJieSE="));

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, "cases-actions-it", smtp);
    }

    private static RecordingKafkaProbe kafka;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void kafka(@Autowired EmbeddedKafkaBroker broker) {
        kafka = new RecordingKafkaProbe(broker.getBrokersAsString(), Topics.CASES, SUBMISSIONS_DLT);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void claimsAssignsReassignsAndReleasesPublishingCaseAssignedEachTimeAsACloudEventKeyedByTheCase()
            throws Exception {
        String caseId = openCase(aSubmission().build());

        assertThat(command(caseId, "claim", "anna", null).status()).isEqualTo(200);
        assertThat(assigneeOf(awaitEvents(caseId, EventTypes.CASE_ASSIGNED, 1).get(0))).isEqualTo("anna");
        assertThat(queue("/api/v1/queue?assignee=me", "anna")).contains(caseId);
        assertThat(queue("/api/v1/queue?assignee=none", "anna")).doesNotContain(caseId);

        Response reassigned = command(caseId, "reassign", "anna", "{\"assignee\":\"maria\"}");
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.body().get("eventPublished").asBoolean()).isTrue();
        assertThat(command(caseId, "release", "maria", null).status()).isEqualTo(200);
        assertThat(queue("/api/v1/queue?assignee=none", "anna")).contains(caseId);
        assertThat(command(caseId, "assign", "maria", "{\"assignee\":\"anna\"}").status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> assigned = awaitEvents(caseId, EventTypes.CASE_ASSIGNED, 4);
        assertThat(assigned).extracting(this::assigneeOf).containsExactly("anna", "maria", null, "anna");
        assertThat(assigned).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();
        for (ConsumerRecord<String, byte[]> record : assigned) {
            assertThat(record.key()).isEqualTo(caseId);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo(EventTypes.SOURCE_CASES);
            assertThat(header(record, "ce_subject")).isEqualTo(caseId);
            assertThat(header(record, "ce_time")).isNotBlank();
        }
        JsonNode view = read(caseId, "anna");
        assertThat(view.get("assignee").asString()).isEqualTo("anna");
        assertThat(view.get("history").toString()).contains("omfördelat från anna till maria", "tilldelat anna");
    }

    @Test
    void refusesToAssignSomeoneUnknownOrOutsideTheUnitNamingAssignee() throws Exception {
        String caseId = openCase(aSubmission().build());

        for (String who : List.of("bertil", "okand")) {
            Response refused = command(caseId, "assign", "anna", "{\"assignee\":\"" + who + "\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("assignee");
        }
        assertThat(command(caseId, "release", "anna", null).status()).isEqualTo(409);
        assertThat(storedCase(caseId).assignee()).isNull();
        assertThat(kafka.seen(Topics.CASES, caseId)).extracting(record -> header(record, "ce_type"))
                .doesNotContain(EventTypes.CASE_ASSIGNED);
    }

    @Test
    void twoOfficersClaimingAtOnceGetOneSuccessAndOneConflictWithTheCurrentState() throws Exception {
        String caseId = openCase(aSubmission().build());
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Response> byAnna = CompletableFuture.supplyAsync(() -> claimAfter(start, caseId, "anna"));
        CompletableFuture<Response> byMaria = CompletableFuture.supplyAsync(() -> claimAfter(start, caseId, "maria"));
        start.countDown();
        List<Response> responses = List.of(byAnna.get(), byMaria.get());

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Case stored = storedCase(caseId);
        Response conflict = responses.stream().filter(response -> response.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.contentType()).contains("application/problem+json");
        assertThat(conflict.body().get("detail").asString()).isNotBlank();
        assertThat(conflict.body().get("assignee").asString()).isEqualTo(stored.assignee());
        // the version as the conflict found it; the outbox's "published" mark may have bumped it since
        assertThat(conflict.body().get("version").asLong()).isPositive().isLessThanOrEqualTo(stored.version());
        assertThat(conflict.body().get("status").asString()).isEqualTo("open");
        assertThat(awaitEvents(caseId, EventTypes.CASE_ASSIGNED, 1)).hasSize(1);
    }

    @Test
    void anOfficerWhoseTransitionLostTheRaceGetsAConcurrentChangeWithTheWinnersState() {
        Case first = storedCase(openCaseQuietly());
        Case second = store.find(first.caseId()).orElseThrow();
        first.claim("anna", Instant.now());
        store.commit(first, List.of());
        second.claim("maria", Instant.now());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.commit(second, List.of()))
                .isInstanceOfSatisfying(ConcurrentCaseChangeException.class,
                        conflict -> assertThat(conflict.current().assignee()).isEqualTo("anna"));
        assertThat(store.find(first.caseId()).orElseThrow().assignee()).isEqualTo("anna");
    }

    @Test
    void forwardingMovesTheCaseToTheNewUnitKeepingItsDeadlineAndHidesItFromTheSender() throws Exception {
        String caseId = openCase(aSubmission().build());
        CaseDeadline deadline = new CaseDeadline("first-answer", LocalDate.now().plusDays(2),
                Instant.parse("2030-01-02T15:59:59Z"), DeadlineStatus.RUNNING);
        store.applyDeadline(new CaseId(UUID.fromString(caseId)), deadline);
        command(caseId, "claim", "anna", null);

        Response forwarded = command(caseId, "forward", "anna",
                "{\"unit\":\"medborgarservice\",\"reason\":\"Greta vill prata med kontaktcenter\"}");

        assertThat(forwarded.status()).isEqualTo(200);
        ConsumerRecord<String, byte[]> event = awaitEvents(caseId, EventTypes.CASE_FORWARDED, 1).get(0);
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("fromUnit").asString()).isEqualTo("stadsmiljo");
        assertThat(payload.get("toUnit").asString()).isEqualTo("medborgarservice");
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain("Greta");
        assertThat(call(get("/api/v1/cases/{id}", caseId), "anna").status()).isEqualTo(404);
        assertThat(queue("/api/v1/queue?status=all", "anna")).doesNotContain(caseId);
        assertThat(queue("/api/v1/queue", "bertil")).contains(caseId);
        JsonNode view = read(caseId, "bertil");
        assertThat(view.get("unit").asString()).isEqualTo("medborgarservice");
        assertThat(view.get("assignee").isNull()).isTrue();
        assertThat(Instant.parse(view.get("dueAt").asString())).isEqualTo(deadline.dueAt());
        assertThat(view.get("forwardings").get(0).get("reason").asString()).contains("kontaktcenter");
        assertThat(view.get("history").toString()).contains("överlämnat från stadsmiljo till medborgarservice")
                .doesNotContain("Greta");
        Document raw = rawCase(caseId);
        assertThat(raw.getList("forwardings", Document.class).get(0).getString("reason")).startsWith("pd1:");
    }

    @Test
    void refusesToForwardToAnUnknownUnitWith400AndToItsOwnUnitWith409() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response unknown = command(caseId, "forward", "anna", "{\"unit\":\"marsbasen\"}");
        Response same = command(caseId, "forward", "anna", "{\"unit\":\"stadsmiljo\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("unit");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body().get("detail").asString()).contains("redan hos stadsmiljo");
        assertThat(storedCase(caseId).unit()).isEqualTo("stadsmiljo");
    }

    @Test
    void asksTheCitizenByMailAndTheirReplyOnTheStatusPageOpensTheCaseAgainOnce() throws Exception {
        String address = "fraga-" + UUID.randomUUID() + "@example.se";
        SynpunktSubmitted submission = aSubmission().withContact(new Contact("Åsa Öberg", address, null)).build();
        String caseId = openCase(submission);
        String code = submission.trackingCode().value();
        long stillToAnswer = store.openCasesPerUnit().get("stadsmiljo");

        Response asked = command(caseId, "ask-citizen", "anna",
                "{\"question\":\"Vilken lyktstolpe gäller det, den vid busshållplatsen?\"}");
        // waiting for the citizen is still the unit's work: the open-cases gauge keeps counting it
        assertThat(store.openCasesPerUnit().get("stadsmiljo")).isEqualTo(stillToAnswer);

        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().get("status").asString()).isEqualTo("waiting_for_citizen");
        awaitEvents(caseId, EventTypes.CITIZEN_INFO_REQUESTED, 1);
        MimeMessage mail = awaitMailTo(address);
        String diarienummer = asked.body().get("diarienummer").asString();
        assertThat(mail.getSubject()).isEqualTo("Fråga om din synpunkt " + diarienummer);
        assertThat((String) mail.getContent()).contains("Vilken lyktstolpe gäller det", diarienummer, code,
                "https://e-tjanster.exempel.se/status?kod=" + code);
        assertThat(queue("/api/v1/queue?status=waiting", "anna")).contains(caseId);
        assertThat(rawCase(caseId).getList("questions", Document.class).get(0).getString("text")).startsWith("pd1:");

        String replyId = UUID.randomUUID().toString();
        CitizenReplied reply = sealedReply(caseId, replyId, submission.trackingCode(), "Ja, den vid hållplatsen.");
        sendReply(reply);
        sendReply(reply);

        ConsumerRecord<String, byte[]> received = awaitEvents(caseId, EventTypes.CITIZEN_INFO_RECEIVED, 1).get(0);
        assertThat(json.readTree(received.value()).get("registeredBy").asString()).isEqualTo("medborgare");
        await().atMost(PATIENCE).until(() -> meters.find("medborgardialog.messages.processed")
                .tags("type", EventTypes.CITIZEN_REPLIED, "outcome", "duplicate").timer() != null);
        Case stored = storedCase(caseId);
        assertThat(stored.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(stored.replies()).singleElement().extracting(CitizenReply::text)
                .isEqualTo("Ja, den vid hållplatsen.");
        assertThat(stored.mails()).filteredOn(m -> m.purpose() == CaseMail.Purpose.QUESTION).singleElement()
                .satisfies(m -> assertThat(m.sentAt()).isNotNull());
        assertThat(kafka.seen(Topics.CASES, caseId)).filteredOn(record -> EventTypes.CITIZEN_INFO_RECEIVED
                .equals(header(record, "ce_type"))).hasSize(1);
        assertThat(rawCase(caseId).getList("replies", Document.class).get(0).getString("text")).startsWith("pd1:");
    }

    @Test
    void theOfficerRegistersAReplyTakenByPhone() throws Exception {
        String caseId = openCase(aSubmission().withContact(new Contact("Per", null, "070-1234567")).build());
        assertThat(command(caseId, "citizen-reply", "anna", "{\"text\":\"Per ringde.\"}").status()).isEqualTo(409);
        command(caseId, "ask-citizen", "anna", "{\"question\":\"Var exakt?\"}");

        Response registered = command(caseId, "citizen-reply", "anna", "{\"text\":\"Per ringde: vid skolan.\"}");

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.body().get("status").asString()).isEqualTo("open");
        ConsumerRecord<String, byte[]> received = awaitEvents(caseId, EventTypes.CITIZEN_INFO_RECEIVED, 1).get(0);
        assertThat(json.readTree(received.value()).get("registeredBy").asString()).isEqualTo("anna");
        assertThat(read(caseId, "anna").get("replies").get(0).get("text").asString())
                .isEqualTo("Per ringde: vid skolan.");
    }

    @Test
    void deadLettersAReplyForAnUnknownCaseAndKeepsALateReplyWithoutReopeningTheWait() throws Exception {
        String unknown = UUID.randomUUID().toString();
        sendReply(sealedReply(unknown, "r-" + unknown, null, "Hej?"));
        ConsumerRecord<String, byte[]> dead = kafka.await(record -> SUBMISSIONS_DLT.equals(record.topic())
                && unknown.equals(record.key()));
        assertThat(header(dead, "x-exception-message")).contains("does not exist");

        SynpunktSubmitted submission = aSubmission().build();
        String caseId = openCase(submission);
        String replyId = UUID.randomUUID().toString();
        sendReply(sealedReply(caseId, replyId, submission.trackingCode(), "Ett svar ingen bad om."));

        await().atMost(PATIENCE).until(() -> storedCase(caseId).hasReply(replyId));
        Case stored = storedCase(caseId);
        assertThat(stored.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(stored.replies()).singleElement().extracting(CitizenReply::late).isEqualTo(true);
        assertThat(kafka.seen(Topics.CASES, caseId)).extracting(record -> header(record, "ce_type"))
                .doesNotContain(EventTypes.CITIZEN_INFO_RECEIVED);
    }

    @Test
    void keepsInternalNotesEncryptedAndShowsThemInTheCaseViewOnly() throws Exception {
        String caseId = openCase(aSubmission().build());

        Response noted = command(caseId, "notes", "anna", "{\"text\":\"Greta är granne med Bo.\"}");

        assertThat(noted.status()).isEqualTo(200);
        JsonNode view = read(caseId, "anna");
        assertThat(view.get("notes").get(0).get("text").asString()).isEqualTo("Greta är granne med Bo.");
        assertThat(view.get("notes").get(0).get("author").asString()).isEqualTo("anna");
        assertThat(view.get("history").toString()).contains("intern anteckning").doesNotContain("granne");
        assertThat(rawCase(caseId).getList("notes", Document.class).get(0).getString("text")).startsWith("pd1:");
        assertThat(queueRow(caseId, "anna").has("notes")).isFalse();
        assertThat(command(caseId, "notes", "anna", "{\"text\":\" \"}").status()).isEqualTo(400);
    }

    @Test
    void reopensAClosedCaseKeepingTheEarlierAnswerAndPublishesEachAnswerAsItsOwnEvent() throws Exception {
        String caseId = openCase(aSubmission().build());
        command(caseId, "answer", "anna", "{\"text\":\"Första svaret.\"}");
        command(caseId, "close", "anna", "{\"outcome\":\"besvarat\"}");

        Response reopened = command(caseId, "reopen", "anna", "{\"reason\":\"Greta skrev igen.\"}");
        Response answeredAgain = command(caseId, "answer", "anna", "{\"text\":\"Andra svaret.\"}");

        assertThat(reopened.status()).isEqualTo(200);
        assertThat(answeredAgain.status()).isEqualTo(200);
        awaitEvents(caseId, EventTypes.CASE_REOPENED, 1);
        List<ConsumerRecord<String, byte[]>> answers = awaitEvents(caseId, EventTypes.CASE_ANSWERED, 2);
        assertThat(answers).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();
        JsonNode view = read(caseId, "anna");
        assertThat(view.get("answers")).extracting(answer -> answer.get("text").asString())
                .containsExactly("Första svaret.", "Andra svaret.");
        assertThat(view.get("closure").isNull()).isTrue();
        assertThat(command(caseId, "reopen", "anna", "{\"reason\":\"igen\"}").status()).isEqualTo(200);
        assertThat(command(caseId, "reopen", "anna", "{\"reason\":\"igen\"}").status()).isEqualTo(409);
    }

    @Test
    void linksRelatedCasesAndMergesADuplicateShowingTheLinksBothWays() throws Exception {
        String first = openCase(aSubmission().build());
        String second = openCase(aSubmission().build());
        String duplicate = openCase(aSubmission().build());
        String elsewhere = openCase(aSubmission().inCategory("ovrigt").build());

        assertThat(command(first, "links", "anna", link(second, "related")).status()).isEqualTo(200);
        assertThat(command(second, "links", "anna", link(first, "related")).status()).isEqualTo(409);
        assertThat(command(first, "links", "anna", link(first, "related")).status()).isEqualTo(409);
        assertThat(command(first, "links", "anna", link(elsewhere, "related")).status()).isEqualTo(404);
        assertThat(command(first, "links", "anna", link(second, "sibling")).status()).isEqualTo(400);
        Response merged = command(duplicate, "links", "anna", link(first, "duplicate-of"));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body().get("status").asString()).isEqualTo("closed");
        ConsumerRecord<String, byte[]> closed = awaitEvents(duplicate, EventTypes.CASE_CLOSED, 1).get(0);
        assertThat(json.readTree(closed.value()).get("outcome").asString()).isEqualTo("DUBBLETT");
        assertThat(kafka.seen(Topics.CASES, duplicate)).extracting(record -> header(record, "ce_type"))
                .containsSubsequence(EventTypes.CASES_LINKED, EventTypes.CASE_CLOSED);
        JsonNode firstLinks = read(first, "anna").get("links");
        assertThat(firstLinks).extracting(view -> view.get("caseId").asString() + " " + view.get("relation").asString()
                + " " + view.get("direction").asString())
                .containsExactlyInAnyOrder(second + " related outgoing", duplicate + " duplicate incoming");
        assertThat(read(second, "anna").get("links").get(0).get("direction").asString()).isEqualTo("incoming");
        assertThat(queueRow(first, "anna").get("links")).hasSize(2);
        assertThat(command(duplicate, "links", "anna", link(second, "duplicate-of")).status()).isEqualTo(409);
    }

    @Test
    void everyActionAnswers404ForACaseOfAnotherUnitAndChangesNothing() throws Exception {
        String caseId = openCase(aSubmission().build());
        String other = openCase(aSubmission().inCategory("ovrigt").build());
        long version = storedCase(caseId).version();
        Map<String, String> actions = new java.util.LinkedHashMap<>();
        actions.put("claim", null);
        actions.put("assign", "{\"assignee\":\"bertil\"}");
        actions.put("reassign", "{\"assignee\":\"bertil\"}");
        actions.put("release", null);
        actions.put("forward", "{\"unit\":\"medborgarservice\"}");
        actions.put("ask-citizen", "{\"question\":\"?\"}");
        actions.put("citizen-reply", "{\"text\":\"svar\"}");
        actions.put("notes", "{\"text\":\"anteckning\"}");
        actions.put("reopen", "{\"reason\":\"skäl\"}");
        actions.put("links", link(other, "related"));

        for (Map.Entry<String, String> action : actions.entrySet()) {
            assertThat(command(caseId, action.getKey(), "bertil", action.getValue()).status())
                    .as(action.getKey()).isEqualTo(404);
        }
        assertThat(storedCase(caseId).version()).isEqualTo(version);
        assertThat(storedCase(caseId).history()).hasSize(1);
    }

    @Test
    void filtersTheQueueAndNamesABadParameter() throws Exception {
        SynpunktSubmitted submission = aSubmission().build();
        String caseId = openCase(submission);
        String diarienummer = storedCase(caseId).diarienummer().value();

        assertThat(queue("/api/v1/queue?q=" + submission.trackingCode().value().toLowerCase(), "anna"))
                .containsExactly(caseId);
        assertThat(queue("/api/v1/queue?q=" + diarienummer, "anna")).containsExactly(caseId);
        assertThat(queue("/api/v1/queue?kind=klagomal&channel=web&caseType=synpunkt&category=gata-och-trafik",
                "anna")).contains(caseId);
        assertThat(queue("/api/v1/queue?kind=berom", "anna")).doesNotContain(caseId);
        for (String parameter : List.of("kind", "channel", "caseType", "status")) {
            Response bad = call(get("/api/v1/queue?" + parameter + "=nonsens"), "anna");
            assertThat(bad.status()).as(parameter).isEqualTo(400);
            assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        }
    }

    // --- helpers

    record Response(int status, String contentType, JsonNode body) {
    }

    private Response command(String caseId, String action, String user, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/cases/{id}/" + action, caseId);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return call(request, user);
    }

    private Response call(MockHttpServletRequestBuilder request, String user) throws Exception {
        MvcResult result = mvc.perform(request.with(httpBasic(user, "utveckling"))).andReturn();
        String raw = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String contentType = result.getResponse().getContentType();
        return new Response(result.getResponse().getStatus(), contentType,
                raw.isBlank() ? null : json.readTree(raw));
    }

    private Response claimAfter(CountDownLatch start, String caseId, String user) {
        try {
            start.await();
            return command(caseId, "claim", user, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String caseId, String user) throws Exception {
        Response response = call(get("/api/v1/cases/{id}", caseId), user);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private List<String> queue(String path, String user) throws Exception {
        Response response = call(get(path), user);
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().forEach(row -> ids.add(row.get("caseId").asString()));
        return ids;
    }

    private JsonNode queueRow(String caseId, String user) throws Exception {
        for (JsonNode row : call(get("/api/v1/queue?status=all"), user).body()) {
            if (caseId.equals(row.get("caseId").asString())) {
                return row;
            }
        }
        throw new AssertionError("case " + caseId + " not in the queue");
    }

    private static String link(String otherId, String relation) {
        return "{\"caseId\":\"" + otherId + "\",\"relation\":\"" + relation + "\"}";
    }

    private Case storedCase(String caseId) {
        return store.find(new CaseId(UUID.fromString(caseId))).orElseThrow();
    }

    private Document rawCase(String caseId) {
        return mongo.getCollection("cases").find(new Document("_id", caseId)).first();
    }

    private String assigneeOf(ConsumerRecord<String, byte[]> record) {
        JsonNode assignee = json.readTree(record.value()).get("assignee");
        return assignee == null || assignee.isNull() ? null : assignee.asString();
    }

    private List<ConsumerRecord<String, byte[]>> awaitEvents(String caseId, String type, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            kafka.seen(Topics.CASES, caseId).stream().filter(record -> type.equals(header(record, "ce_type")))
                    .forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private String openCase(SynpunktSubmitted submission) throws Exception {
        String caseId = submission.submissionId().toString();
        send(caseId, EventTypes.SYNPUNKT_SUBMITTED, json.writeValueAsBytes(submission));
        kafka.await(Topics.CASES, caseId, EventTypes.CASE_OPENED);
        return caseId;
    }

    private String openCaseQuietly() {
        try {
            return openCase(aSubmission().build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CitizenReplied sealedReply(String caseId, String replyId, TrackingCode code, String text) {
        return new CitizenReplied(new CaseId(UUID.fromString(caseId)), replyId, code, Instant.now(), null,
                EVENT_KEY.encrypt(json.writeValueAsString(new CitizenReplyPersonalData(text))));
    }

    private void sendReply(CitizenReplied reply) throws Exception {
        send(reply.caseId().toString(), EventTypes.CITIZEN_REPLIED, json.writeValueAsBytes(reply));
    }

    private void send(String key, String type, byte[] payload) throws Exception {
        kafka.send(Topics.SUBMISSIONS, key, type, payload);
    }

    private static MimeMessage awaitMailTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                for (jakarta.mail.Address to : message.getAllRecipients()) {
                    if (to instanceof InternetAddress internet && address.equals(internet.getAddress())) {
                        found.add(message);
                    }
                }
            }
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
