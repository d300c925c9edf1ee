package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static se.medborgardialog.cases.testing.OpenedCases.GRETA;
import static se.medborgardialog.cases.testing.OpenedCases.MEDBORGARSERVICE_CATEGORY;
import static se.medborgardialog.cases.testing.OpenedCases.STADSMILJO_CATEGORY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.medborgardialog.cases.KafkaProbe;
import se.medborgardialog.cases.testing.CaseServerIntegrationTestContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktPersonalData;
import se.medborgardialog.personaldata.PersonalDataCipher;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import tools.jackson.databind.JsonNode;

/**
 * The case-service side of a breached tjänstegaranti and of the legal clocks the officers start: a complaint about a
 * case opens in that case's unit and is linked to it, the compensation is on the case page, a moved deadline is in the
 * history, and a demand for a decision (förvaltningslagen 12 §) is recorded and announced. Real broker, real store,
 * at {@code NOW} (2026-11-23).
 */
class BreachComplaintAndDecisionDemandIntegrationTests extends CaseServerIntegrationTestContext {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** More than six months before {@code NOW}. */
    private static final Instant LONG_AGO = Instant.parse("2026-03-02T09:15:00Z");
    private static final GuaranteeRef STREET_LIGHTS = new GuaranteeRef("gatubelysning-3-veckor", 1,
            "Gatubelysning lagas inom 3 veckor", GuaranteeType.TJANSTEGARANTI);

    /** intake's development event key (cases.event-keys). */
    private static final PersonalDataCipher EVENT_KEY = new PersonalDataCipher("ev-dev1",
            java.util.Map.of("ev-dev1", "ZGV2ZWxvcG1lbnQtb25seS1ldmVudC1rZXktMzJieSE="));

    @Autowired
    UserDetailsService users;

    @Test
    void aComplaintAboutACaseOpensInThatCasesCurrentUnitLinkedBothWays() throws Exception {
        CaseId original = cases.open(synpunkt(STADSMILJO_CATEGORY, LONG_AGO));
        // forwarded since: the complaint goes where the case is now, not where either category routes
        assertThat(command(original, "forward", "anna", "{\"unit\":\"medborgarservice\"}").status()).isEqualTo(200);
        String originalNumber = cases.find(original).diarienummer().value();

        SynpunktSubmitted complaint = complaintAbout(original);
        CaseId complaintId = cases.open(complaint);

        Case opened = cases.find(complaintId);
        assertThat(opened.unit()).isEqualTo("medborgarservice");
        assertThat(opened.text()).isEqualTo("Kommunen höll inte tjänstegarantin.");
        assertThat(opened.contact()).isEqualTo(GRETA);
        assertThat(opened.concerns()).isEqualTo(new ConcernedCase(original.toString(), originalNumber));
        assertThat(opened.links()).extracting(CaseLink::caseId, CaseLink::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(original.toString(),
                        se.medborgardialog.contracts.CaseLinkType.RELATED));
        String complaintNumber = opened.diarienummer().value();
        assertThat(opened.history()).extracting(HistoryEntry::what)
                .contains("klagomål på ärende " + originalNumber, "länkat till " + originalNumber);
        await().atMost(PATIENCE).until(() -> cases.find(original).history().stream()
                .anyMatch(step -> step.what().equals("klagomål på ärendet inkom: " + complaintNumber)));

        List<ConsumerRecord<String, byte[]>> events = new KafkaProbe(broker.getBrokersAsString())
                .recordsFor(Topics.CASES, complaintId.toString());
        assertThat(events).extracting(record -> KafkaProbe.header(record, "ce_type"))
                .containsSubsequence(EventTypes.CASE_OPENED, EventTypes.CASES_LINKED);
        JsonNode linked = json.readTree(KafkaProbe.ofType(events, EventTypes.CASES_LINKED).get(0).value());
        assertThat(linked.get("linkedCaseId").asString()).isEqualTo(original.toString());
        assertThat(linked.get("relation").asString()).isEqualTo("RELATED");
        assertThat(linked.get("unit").asString()).isEqualTo("medborgarservice");

        // both ways in the API; the original shows the complaint through the query
        JsonNode originalView = read(original, "bertil");
        assertThat(originalView.get("links").toString()).contains(complaintId.toString(), "\"direction\":\"incoming\"");
        JsonNode complaintView = read(complaintId, "bertil");
        assertThat(complaintView.get("concerns").get("diarienummer").asString()).isEqualTo(originalNumber);

        Document page = page("/arenden/" + complaintId, "bertil");
        assertThat(page.getElementById("klagomal-pa").text()).isEqualTo("Klagomål på ärende " + originalNumber);
        assertThat(page.select("#klagomal-pa a").attr("href")).isEqualTo("/arenden/" + original);

        // redelivered: nothing opens or links twice
        cases.send(Topics.SUBMISSIONS, complaintId.toString(), EventTypes.SYNPUNKT_SUBMITTED, complaint);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> cases.find(original).history().stream()
                .filter(step -> step.what().startsWith("klagomål på ärendet inkom")).count() == 1);
        assertThat(cases.find(complaintId).links()).hasSize(1);
    }

    @Test
    void theCompensationOfABreachedGuaranteeIsOnTheCasePageAndAMovedDeadlineInTheHistory() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, LONG_AGO));
        Instant due = Instant.parse("2026-12-14T22:59:59.999Z");
        cases.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(caseId,
                "guarantee:gatubelysning", "stadsmiljo", 15, NOW, LocalDate.parse("2026-12-14"), due));
        await().atMost(PATIENCE).until(() -> cases.find(caseId).deadline() != null);

        DeadlineRescheduled moved = new DeadlineRescheduled(caseId, "guarantee:gatubelysning", "stadsmiljo",
                STREET_LIGHTS, due, LocalDate.parse("2026-12-15"), Instant.parse("2026-12-15T22:59:59.999Z"),
                "Kalendern ändrades: 2026-12-14 stängd", NOW);
        cases.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_RESCHEDULED, moved);
        String movedEntry = "Tidsgränsen Gatubelysning lagas inom 3 veckor flyttades till 2026-12-15: "
                + "Kalendern ändrades: 2026-12-14 stängd";
        await().atMost(PATIENCE).until(() -> cases.find(caseId).history().stream()
                .anyMatch(step -> step.what().equals(movedEntry)));
        assertThat(cases.find(caseId).deadline().dueDate()).isEqualTo(LocalDate.parse("2026-12-15"));
        cases.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_RESCHEDULED, moved);

        cases.send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_BREACHED, new DeadlineBreached(caseId,
                "guarantee:gatubelysning", "stadsmiljo", Instant.parse("2026-12-15T22:59:59.999Z"),
                Instant.parse("2026-12-15T23:00:00Z"), STREET_LIGHTS, "Du får 200 kronor i ersättning."));
        await().atMost(PATIENCE).until(() -> !cases.find(caseId).guaranteeBreaches().isEmpty());
        assertThat(cases.find(caseId).history()).filteredOn(step -> step.what().equals(movedEntry)).hasSize(1);

        Document page = page("/arenden/" + caseId, "anna");
        assertThat(page.select("#guarantee-breaches tbody tr")).hasSize(1);
        assertThat(page.select("#guarantee-breaches tbody tr").text()).contains("Gatubelysning lagas inom 3 veckor",
                "gatubelysning-3-veckor, version 1", "Tjänstegaranti", "Du får 200 kronor i ersättning.",
                "2026-12-16 00:00");
        assertThat(page.select("#historik").text()).contains(movedEntry,
                "tjänstegarantin ”Gatubelysning lagas inom 3 veckor” (version 1) hölls inte; ersättning: Du får 200 "
                        + "kronor i ersättning.");
        MvcResult csv = mvc.perform(asUser(get("/arenden/" + caseId + "/historik.csv"), "anna")).andReturn();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(movedEntry,
                "ersättning: Du får 200 kronor i ersättning.");
        JsonNode history = json.readTree(mvc.perform(get("/api/v1/cases/" + caseId + "/history")
                .with(httpBasic("anna", PASSWORD))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(history.get("history").toString()).contains(movedEntry, "Du får 200 kronor i ersättning.");
    }

    @Test
    void aDemandForADecisionIsRecordedAnnouncedOnceAndRefusedWhereTheLawDoesNotAllowIt() throws Exception {
        CaseId caseId = cases.open(synpunkt(STADSMILJO_CATEGORY, LONG_AGO));

        Response demanded = command(caseId, "decision-demand", "anna", "{\"demandedAt\":\"2026-11-20\"}");

        assertThat(demanded.status()).isEqualTo(201);
        assertThat(demanded.body().get("eventPublished").asBoolean()).isTrue();
        Case stored = cases.find(caseId);
        Instant demandedAt = Instant.parse("2026-11-19T23:00:00Z");
        assertThat(stored.decisionDemand()).isEqualTo(new DecisionDemand(demandedAt, "anna", NOW));
        assertThat(stored.history()).extracting(HistoryEntry::what)
                .contains("begäran om avgörande (förvaltningslagen 12 §) mottagen 2026-11-20");
        List<ConsumerRecord<String, byte[]>> events = KafkaProbe.ofType(new KafkaProbe(broker.getBrokersAsString())
                .recordsFor(Topics.CASES, caseId.toString()), EventTypes.DECISION_DEMANDED);
        assertThat(events).hasSize(1);
        JsonNode event = json.readTree(events.get(0).value());
        assertThat(event.get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(event.get("unit").asString()).isEqualTo("stadsmiljo");
        assertThat(event.get("demandedAt").asString()).isEqualTo(demandedAt.toString());
        assertThat(event.get("recordedBy").asString()).isEqualTo("anna");
        assertThat(event.get("recordedAt").asString()).isEqualTo(NOW.toString());
        assertThat(read(caseId, "anna").get("decisionDemand").get("demandedAt").asString())
                .isEqualTo(demandedAt.toString());

        Response again = command(caseId, "decision-demand", "anna", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).isEqualTo("Avgörande begärdes redan 2026-11-20.");

        assertThat(command(caseId, "decision-demand", "bertil", "{}").status()).isEqualTo(404);
        assertThat(command(new CaseId(UUID.randomUUID()), "decision-demand", "anna", "{}").status()).isEqualTo(404);

        CaseId fresh = cases.open(synpunkt(STADSMILJO_CATEGORY, NOW.minus(Duration.ofDays(30))));
        Response tooEarly = command(fresh, "decision-demand", "anna", "{}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("detail").asString()).contains("sex månader", "2027-04-24");
        for (String body : List.of("{\"demandedAt\":\"i går\"}", "{\"demandedAt\":\"2026-12-01\"}",
                "{\"demandedAt\":\"2026-01-01\"}")) {
            Response refused = command(cases.open(synpunkt(STADSMILJO_CATEGORY, LONG_AGO)), "decision-demand", "anna", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("demandedAt");
        }
        assertThat(KafkaProbe.ofType(new KafkaProbe(broker.getBrokersAsString()).recordsFor(Topics.CASES,
                fresh.toString()), EventTypes.DECISION_DEMANDED)).isEmpty();
    }

    @Test
    void theCasePageRegistersADemandForADecisionWithItsForm() throws Exception {
        CaseId caseId = cases.open(synpunkt(MEDBORGARSERVICE_CATEGORY, LONG_AGO));
        Document before = page("/arenden/" + caseId, "bertil");
        assertThat(before.select("#begaran-form input[type=date][name=demandedAt]")).hasSize(1);
        assertThat(before.select("label[for=demand-demandedAt]").text()).isEqualTo("Begäran kom in");

        MvcResult bad = mvc.perform(asUser(post("/arenden/" + caseId + "/begaran-om-avgorande")
                .param("demandedAt", "2030-01-01").with(csrf()), "bertil")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("id=\"demand-demandedAt-error\"",
                "Begäran kan inte ha kommit in i framtiden.");

        MvcResult done = mvc.perform(asUser(post("/arenden/" + caseId + "/begaran-om-avgorande")
                .param("demandedAt", "").with(csrf()), "bertil")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/arenden/" + caseId);
        assertThat(cases.find(caseId).decisionDemand().demandedAt()).isEqualTo(NOW);

        Document after = page("/arenden/" + caseId, "bertil");
        assertThat(after.getElementById("begaran-om-avgorande").text()).contains("begäran kom in 2026-11-23",
                "registrerad av bertil");
        assertThat(after.select("#begaran-form")).isEmpty();
    }

    /** A klagomål from the web form with Greta's contact, received at {@code received}. */
    private static SynpunktSubmitted synpunkt(String category, Instant received) {
        UUID id = UUID.randomUUID();
        return new SynpunktSubmitted(new SubmissionId(id), new TrackingCode(code(id)), SynpunktKind.KLAGOMAL, category,
                "Gatlampan är fortfarande trasig.", Channel.WEB, received, received, GRETA, null, List.of(), null);
    }

    /** What intake publishes from the complaint page of a breached guarantee: sealed with its event key. */
    private SynpunktSubmitted complaintAbout(CaseId original) {
        UUID id = UUID.randomUUID();
        String sealed = EVENT_KEY.encrypt(json.writeValueAsString(
                new SynpunktPersonalData("Kommunen höll inte tjänstegarantin.", GRETA)));
        return new SynpunktSubmitted(new SubmissionId(id), new TrackingCode(code(id)), SynpunktKind.KLAGOMAL,
                "gata-och-trafik", null, Channel.WEB, NOW, NOW, null, null, List.of(), sealed, original);
    }

    private static String code(UUID id) {
        String hex = id.toString().replace("-", "").toUpperCase();
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16);
    }

    record Response(int status, JsonNode body) {
    }

    private Response command(CaseId caseId, String action, String user, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/cases/{id}/" + action, caseId.toString());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MvcResult result = mvc.perform(request.with(httpBasic(user, PASSWORD))).andReturn();
        String raw = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new Response(result.getResponse().getStatus(), raw.isBlank() ? null : json.readTree(raw));
    }

    private JsonNode read(CaseId caseId, String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cases/{id}", caseId.toString())
                .with(httpBasic(user, PASSWORD))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Document page(String path, String user) throws Exception {
        MvcResult result = mvc.perform(asUser(get(path), user)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder asUser(MockHttpServletRequestBuilder request, String username) {
        return request.with(user(users.loadUserByUsername(username)));
    }
}
