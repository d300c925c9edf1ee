package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.medborgardialog.reporting.EventStream.answered;
import static se.medborgardialog.reporting.EventStream.breached;
import static se.medborgardialog.reporting.EventStream.closed;
import static se.medborgardialog.reporting.EventStream.klagomal;
import static se.medborgardialog.reporting.EventStream.met;
import static se.medborgardialog.reporting.EventStream.newCase;
import static se.medborgardialog.reporting.EventStream.opened;
import static se.medborgardialog.reporting.EventStream.scheduled;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.facts.CaseFact;
import se.medborgardialog.reporting.facts.CaseFacts;
import se.medborgardialog.reporting.facts.Counts;
import se.medborgardialog.reporting.facts.DeadlineOutcome;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * reporting-service on a real in-process KRaft broker and the in-process MongoDB wire-protocol store: events in
 * through plain Kafka producers, statistics out through the HTTP API. Each test uses receipt days of its own,
 * so the tests share one store without seeing each other's cases.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES,
        ReportingServiceIntegrationTests.CASES_DLT, ReportingServiceIntegrationTests.DEADLINES_DLT})
class ReportingServiceIntegrationTests {

    static final String CASES_DLT = "medborgardialog.cases.v1.reporting-service.dlt";
    static final String DEADLINES_DLT = "medborgardialog.deadlines.v1.reporting-service.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String STATISTICS = "/api/v1/statistics/synpunkter";

    private static EventStream events;
    private static KafkaConsumer<String, byte[]> dltReader;
    private static final List<ConsumerRecord<String, byte[]>> deadLettered = new CopyOnWriteArrayList<>();

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
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-integration"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CaseFacts facts;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void connect() {
        if (events == null) {
            events = new EventStream(broker.getBrokersAsString(), json);
            dltReader = events.reader(CASES_DLT);
        }
    }

    @AfterAll
    static void disconnect() {
        if (events != null) {
            events.close();
            dltReader.close();
        }
    }

    @Test
    void countsEveryCaseInTheCohortOfItsStockholmReceiptDay() throws Exception {
        Instant morning = Instant.parse("2026-03-02T08:00:00Z");
        CaseId answeredInTime = newCase();
        CaseId breachedCase = newCase();
        CaseId justAfterMidnight = newCase();
        CaseId praise = newCase();
        CaseId nextDay = newCase();

        events.send(klagomal(answeredInTime, "stadsmiljo", morning));
        events.send(scheduled(answeredInTime, morning));
        events.send(answered(answeredInTime, morning.plusSeconds(3600)));
        events.send(met(answeredInTime, morning, morning.plusSeconds(3600)));
        events.send(closed(answeredInTime, morning.plusSeconds(7200)));
        events.send(klagomal(breachedCase, "stadsmiljo", morning));
        events.send(breached(breachedCase, morning));
        // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm; 23:30 UTC on 2 March is already 3 March.
        events.send(klagomal(justAfterMidnight, "stadsmiljo", Instant.parse("2026-03-01T23:30:00Z")));
        events.send(klagomal(nextDay, "stadsmiljo", Instant.parse("2026-03-02T23:30:00Z")));
        events.send(opened(praise, SynpunktKind.BEROM, "ovrigt", "medborgarservice", morning));

        await().atMost(PATIENCE).untilAsserted(() -> statistics("stina", "from", "2026-03-02", "to", "2026-03-02")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-02"))
                .andExpect(jsonPath("$.to").value("2026-03-02"))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].date").value("2026-03-02"))
                .andExpect(jsonPath("$.rows[0].kind").value("BEROM"))
                .andExpect(jsonPath("$.rows[0].unit").value("medborgarservice"))
                .andExpect(jsonPath("$.rows[0].received").value(1))
                .andExpect(jsonPath("$.rows[0].open").value(1))
                .andExpect(jsonPath("$.rows[1].kind").value("KLAGOMAL"))
                .andExpect(jsonPath("$.rows[1].category").value("gata-och-trafik"))
                .andExpect(jsonPath("$.rows[1].unit").value("stadsmiljo"))
                .andExpect(jsonPath("$.rows[1].received").value(3))
                .andExpect(jsonPath("$.rows[1].answered").value(1))
                .andExpect(jsonPath("$.rows[1].answeredWithinDeadline").value(1))
                .andExpect(jsonPath("$.rows[1].breached").value(1))
                .andExpect(jsonPath("$.rows[1].open").value(2))
                .andExpect(jsonPath("$.totals.received").value(4))
                .andExpect(jsonPath("$.totals.open").value(3)));

        statistics("stina", "from", "2026-03-02", "to", "2026-03-03", "kind", "Klagomal", "unit", "stadsmiljo")
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[1].date").value("2026-03-03"))
                .andExpect(jsonPath("$.totals.received").value(4));
        statistics("stina", "from", "2026-03-02", "to", "2026-03-02", "category", "ovrigt")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.totals.received").value(1));
        // The store's pipeline counts by the same rules as the facts themselves.
        Counts byRules = List.of(answeredInTime, breachedCase, justAfterMidnight, praise).stream()
                .map(id -> facts.find(id).orElseThrow().counts()).reduce(Counts.NONE, Counts::plus);
        assertThat(byRules).isEqualTo(new Counts(4, 1, 1, 1, 3));
        assertThat(meters.get("medborgardialog.reporting.events").tag("type", EventTypes.CASE_OPENED)
                .tag("application", "reporting-service").counter().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDuplicatedEventCountsOnceAndADeadlineThatOvertookItsCaseCountsOnceTheCaseArrives() throws Exception {
        Instant received = Instant.parse("2026-03-10T09:00:00Z");
        CaseId overtaken = newCase();

        events.send(met(overtaken, received, received.plusSeconds(600)));
        await().atMost(PATIENCE).until(() -> facts.find(overtaken).map(CaseFact::deadlineOutcome).orElse(null),
                DeadlineOutcome.MET::equals);
        statistics("stina", "from", "2026-03-10", "to", "2026-03-10").andExpect(jsonPath("$.rows", hasSize(0)));

        events.send(klagomal(overtaken, "stadsmiljo", received));
        events.send(klagomal(overtaken, "stadsmiljo", received));
        events.send(answered(overtaken, received.plusSeconds(600)));
        events.send(answered(overtaken, received.plusSeconds(600)));
        events.send(met(overtaken, received, received.plusSeconds(600)));
        awaitCasesBarrier();
        awaitDeadlinesBarrier();

        statistics("stina", "from", "2026-03-10", "to", "2026-03-10")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.totals.received").value(1))
                .andExpect(jsonPath("$.totals.answered").value(1))
                .andExpect(jsonPath("$.totals.answeredWithinDeadline").value(1))
                .andExpect(jsonPath("$.totals.breached").value(0))
                .andExpect(jsonPath("$.totals.open").value(1));
    }

    @Test
    void casesOfTheOtherKindsAreNotCountedAsSynpunkterNorDeadLettered() throws Exception {
        Instant received = Instant.parse("2026-03-11T09:00:00Z");
        CaseId felanmalan = newCase();
        CaseOpened opened = opened(felanmalan, null, "gatubelysning", "stadsmiljo", received);

        events.send(new CaseOpened(opened.caseId(), opened.submissionId(), opened.diarienummer(), null,
                opened.category(), opened.channel(), opened.unit(), opened.receivedAt(), opened.openedAt(),
                CaseType.FELANMALAN, null));
        awaitCasesBarrier();

        assertThat(facts.find(felanmalan)).get().extracting(CaseFact::caseType).isEqualTo(CaseType.FELANMALAN);
        deadLettered.addAll(EventStream.poll(dltReader));
        assertThat(deadLettered).noneMatch(r -> felanmalan.toString().equals(r.key()));
        statistics("stina", "from", "2026-03-11", "to", "2026-03-11").andExpect(jsonPath("$.rows", hasSize(0)));
    }

    @Test
    void aBreachStandsEvenIfAMetForTheSameCaseArrivesLater() throws Exception {
        Instant received = Instant.parse("2026-03-12T09:00:00Z");
        CaseId caseId = newCase();
        events.send(klagomal(caseId, "stadsmiljo", received));

        events.send(breached(caseId, received));
        events.send(met(caseId, received, received.plusSeconds(3 * 86_400)));
        awaitDeadlinesBarrier();

        assertThat(facts.find(caseId).orElseThrow().deadlineOutcome()).isEqualTo(DeadlineOutcome.BREACHED);
        await().atMost(PATIENCE).untilAsserted(() -> statistics("stina", "from", "2026-03-12", "to", "2026-03-12")
                .andExpect(jsonPath("$.totals.received").value(1))
                .andExpect(jsonPath("$.totals.breached").value(1))
                .andExpect(jsonPath("$.totals.answeredWithinDeadline").value(0)));
    }

    @Test
    void aForwardedCaseCountsInTheUnitThatHasItAndNeitherARedeliveryNorAPauseMovesIt() throws Exception {
        Instant received = Instant.parse("2026-03-13T09:00:00Z");
        CaseId caseId = newCase();
        CaseOpened opened = klagomal(caseId, "stadsmiljo", received);
        events.send(opened);
        events.send(scheduled(caseId, received));
        CaseForwarded forwarded = new CaseForwarded(caseId, "stadsmiljo", "medborgarservice", "anna",
                received.plusSeconds(3600));
        CaseForwarded older = new CaseForwarded(caseId, "utbildning", "stadsmiljo", "anna", received.plusSeconds(60));

        events.send(Topics.CASES, caseId, EventTypes.CASE_FORWARDED, json.writeValueAsBytes(forwarded));
        events.send(Topics.CASES, caseId, EventTypes.CASE_FORWARDED, json.writeValueAsBytes(forwarded));
        events.send(Topics.CASES, caseId, EventTypes.CASE_FORWARDED, json.writeValueAsBytes(older));
        events.send(opened);
        events.send(Topics.DEADLINES, caseId, EventTypes.DEADLINE_PAUSED, json.writeValueAsBytes(
                new DeadlinePaused(caseId, EventStream.FIRST_ANSWER, "medborgarservice", received.plusSeconds(7200))));
        events.send(Topics.DEADLINES, caseId, EventTypes.DEADLINE_RESUMED, json.writeValueAsBytes(
                new DeadlineResumed(caseId, EventStream.FIRST_ANSWER, "medborgarservice", received.plusSeconds(86_400),
                        LocalDate.parse("2026-03-18"), Instant.parse("2026-03-18T22:59:59.999999999Z"))));
        awaitCasesBarrier();
        awaitDeadlinesBarrier();

        CaseFact fact = facts.find(caseId).orElseThrow();
        assertThat(fact.unit()).isEqualTo("medborgarservice");
        assertThat(fact.forwardedAt()).isEqualTo(forwarded.forwardedAt());
        assertThat(fact.counts()).isEqualTo(new Counts(1, 0, 0, 0, 1));
        // Paused and resumed clocks are not counted (yet): their events are ignored.
        assertThat(fact.dueAt()).isEqualTo(scheduled(caseId, received).dueAt());
        statistics("stina", "from", "2026-03-13", "to", "2026-03-13")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].unit").value("medborgarservice"))
                .andExpect(jsonPath("$.rows[0].received").value(1));
        statistics("maria", "from", "2026-03-13", "to", "2026-03-13", "unit", "stadsmiljo")
                .andExpect(jsonPath("$.rows", hasSize(0)));
        deadLettered.addAll(EventStream.poll(dltReader));
        assertThat(deadLettered).noneMatch(r -> caseId.toString().equals(r.key()));
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicWithItsReasonAndTheNextMessageIsStillProcessed() {
        CaseId poisoned = newCase();
        CaseId unknownType = newCase();
        CaseId good = newCase();

        events.send(Topics.CASES, poisoned, EventTypes.CASE_OPENED, "{ this is not json".getBytes(StandardCharsets.UTF_8));
        events.send(Topics.CASES, unknownType, "se.medborgardialog.case.reopened.v9", "{}".getBytes(StandardCharsets.UTF_8));
        events.send(klagomal(good, "stadsmiljo", Instant.parse("2026-03-15T09:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            deadLettered.addAll(EventStream.poll(dltReader));
            assertThat(deadLettered).filteredOn(r -> poisoned.toString().equals(r.key())).singleElement()
                    .satisfies(r -> {
                        assertThat(EventStream.header(r, "x-exception-message")).isNotBlank();
                        assertThat(EventStream.header(r, "x-original-topic")).isEqualTo(Topics.CASES);
                        assertThat(EventStream.header(r, "ce_type")).isEqualTo(EventTypes.CASE_OPENED);
                    });
        });
        await().atMost(PATIENCE).until(() -> facts.find(good).isPresent());
        assertThat(facts.find(poisoned)).isEmpty();
        // An unknown type is ignored, not dead-lettered (one partition: it was handled before the good one).
        deadLettered.addAll(EventStream.poll(dltReader));
        assertThat(deadLettered).noneMatch(r -> unknownType.toString().equals(r.key()));
        assertThat(facts.find(unknownType)).isEmpty();
        assertThat(meters.get("medborgardialog.messages.processed").tag("type", "other").tag("outcome", "ignored")
                .timer().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("medborgardialog.messages.processed").tag("type", EventTypes.CASE_OPENED)
                .tag("outcome", "failed").timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCsvDownloadStartsWithTheByteOrderMarkAndHoldsTheRowsSeparatedBySemicolons() throws Exception {
        Instant received = Instant.parse("2026-03-20T09:00:00Z");
        events.send(opened(newCase(), SynpunktKind.FORSLAG, "park-och-natur", "stadsmiljo", received));
        await().atMost(PATIENCE).untilAsserted(() -> statistics("stina", "from", "2026-03-20", "to", "2026-03-20")
                .andExpect(jsonPath("$.totals.received").value(1)));

        byte[] csv = mvc.perform(get(STATISTICS + ".csv").param("from", "2026-03-20").param("to", "2026-03-20")
                        .with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"synpunkter-2026-03-20-2026-03-20.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "datum;typ;kategori;enhet;inkomna;besvarade;besvarade_i_tid;overskridna;oppna",
                "2026-03-20;FORSLAG;park-och-natur;stadsmiljo;1;0;0;0;1");
        byte[] negotiated = mvc.perform(get(STATISTICS).param("from", "2026-03-20").param("to", "2026-03-20")
                        .accept("text/csv").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(negotiated).isEqualTo(csv);
    }

    @Test
    void onlyStatisticiansAndManagersSeeStatisticsAndAManagerOnlyHerOwnUnits() throws Exception {
        Instant received = Instant.parse("2026-03-25T09:00:00Z");
        events.send(klagomal(newCase(), "stadsmiljo", received));
        events.send(opened(newCase(), SynpunktKind.FRAGA, "skola-och-forskola", "utbildning", received));
        await().atMost(PATIENCE).untilAsserted(() -> statistics("stina", "from", "2026-03-25", "to", "2026-03-25")
                .andExpect(jsonPath("$.rows[*].unit").value(containsInAnyOrder("stadsmiljo", "utbildning"))));

        mvc.perform(get(STATISTICS))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(STATISTICS).with(httpBasic("stina", "fel")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(STATISTICS + ".csv").with(httpBasic("anna", "utveckling")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        statistics("maria", "from", "2026-03-25", "to", "2026-03-25")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].unit").value(containsInAnyOrder("stadsmiljo")))
                .andExpect(jsonPath("$.totals.received").value(1));
        statistics("maria", "from", "2026-03-25", "to", "2026-03-25", "unit", "utbildning")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
    }

    @Test
    void badParametersAreRefusedWithAProblemNamingTheParameterAndMissingDatesMeanThisMonth() throws Exception {
        statistics("stina", "from", "2026-02-30")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.trace").doesNotExist());
        statistics("stina", "from", "2026-12-01", "to", "2026-11-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        statistics("stina", "from", "2021-01-01", "to", "2026-12-31")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get(STATISTICS + ".csv").param("kind", "gnall").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        statistics("stina")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-11-01"))
                .andExpect(jsonPath("$.to").value("2026-11-30"));
    }

    @Test
    void exposesItsMetricsToPrometheusWithTheApplicationTag() throws Exception {
        CaseId caseId = newCase();
        events.send(klagomal(caseId, "stadsmiljo", Instant.parse("2026-03-28T09:00:00Z")));
        await().atMost(PATIENCE).until(() -> facts.find(caseId).isPresent());

        String scrape = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(scrape).contains("medborgardialog_reporting_events_total{application=\"reporting-service\",type=\""
                + EventTypes.CASE_OPENED + "\"}");
        assertThat(scrape).contains("medborgardialog_messages_processed_seconds_count{application=\"reporting-service\"");
    }

    private ResultActions statistics(String user, String... parameters) throws Exception {
        var request = get(STATISTICS).with(httpBasic(user, "utveckling"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    /** The cases topic has one partition: once a later case is recorded, everything sent before it was handled. */
    private void awaitCasesBarrier() {
        CaseId barrier = newCase();
        events.send(klagomal(barrier, "medborgarservice", Instant.parse("2025-01-01T09:00:00Z")));
        await().atMost(PATIENCE).until(() -> facts.find(barrier).isPresent());
    }

    /** The same for the deadlines topic. */
    private void awaitDeadlinesBarrier() {
        CaseId barrier = newCase();
        events.send(breached(barrier, Instant.parse("2025-01-01T09:00:00Z")));
        await().atMost(PATIENCE).until(() -> facts.find(barrier).isPresent());
    }
}
