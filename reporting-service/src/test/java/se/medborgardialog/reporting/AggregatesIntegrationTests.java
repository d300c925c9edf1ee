package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.facts.CaseFacts;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streamed aggregates and the statisticians' API on a real in-process broker and store: one month of every kind of
 * case (January 2027: the first case arrives at 23:30 UTC on New Year's Eve, which is New Year's Day in Stockholm),
 * with duplicates, counted figure by figure.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS})
class AggregatesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STATISTICS = "/api/v1/statistics";
    private static final String FIRST_ANSWER = "first-answer";
    private static final String NAMND_ANSWER = "namnd-answer";

    private static EventStream stream;
    private static StatisticsEvents events;
    private static boolean januarySent;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-aggregates"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CaseFacts facts;

    @BeforeEach
    void january() {
        if (januarySent) {
            return;
        }
        januarySent = true;
        if (stream == null) {
            stream = new EventStream(broker.getBrokersAsString(), json);
            events = new StatisticsEvents(stream, json);
        }
        sendJanuary();
    }

    @AfterAll
    static void disconnect() {
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * Four cases in January 2027: a klagomål answered in time (sent twice), one breached with a compensation and
     * answered late, a lex Sarah avvikelse decided serious and reported to IVO, an e-förslag that reached its
     * threshold and was answered.
     */
    private void sendJanuary() {
        CaseId inTime = EventStream.newCase();
        Instant newYear = Instant.parse("2026-12-31T23:30:00Z"); // 00:30 on 1 January in Stockholm
        Instant due1 = Instant.parse("2027-01-05T22:59:59.999Z");
        Instant answer1 = Instant.parse("2027-01-04T09:00:00Z");
        for (int i = 0; i < 2; i++) {
            events.klagomal(inTime, "stadsmiljo", newYear);
            events.scheduled(inTime, FIRST_ANSWER, StatisticsEvents.SVAR, newYear, due1);
            events.answered(inTime, answer1);
            events.met(inTime, FIRST_ANSWER, StatisticsEvents.SVAR, due1, answer1);
            events.closed(inTime, Instant.parse("2027-01-04T10:00:00Z"));
        }

        CaseId late = EventStream.newCase();
        Instant received2 = Instant.parse("2027-01-05T08:00:00Z");
        Instant due2 = Instant.parse("2027-01-07T22:59:59.999Z");
        events.klagomal(late, "stadsmiljo", received2);
        events.breached(late, FIRST_ANSWER, StatisticsEvents.SVAR, due2, "Du får en ursäkt och ett svar inom en dag");
        events.answered(late, Instant.parse("2027-01-11T08:00:00Z"));
        events.breached(late, FIRST_ANSWER, StatisticsEvents.SVAR, due2, "Du får en ursäkt och ett svar inom en dag");

        CaseId sarah = EventStream.newCase();
        events.opened(sarah, CaseType.AVVIKELSE, null, "aldreomsorg", "omsorg", Channel.WEB,
                Instant.parse("2027-01-10T10:00:00Z"), LegalFlow.LEX_SARAH);
        events.step(sarah, LegalFlow.LEX_SARAH, AvvikelseStep.DECIDED, Instant.parse("2027-01-12T10:00:00Z"), true);
        events.step(sarah, LegalFlow.LEX_SARAH, AvvikelseStep.IVO_REPORTED, Instant.parse("2027-01-13T10:00:00Z"), null);
        events.step(sarah, LegalFlow.LEX_SARAH, AvvikelseStep.IVO_REPORTED, Instant.parse("2027-01-13T10:00:00Z"), null);

        CaseId proposal = EventStream.newCase();
        Instant reached = Instant.parse("2027-01-20T09:00:00Z");
        events.eforslagSubmitted(proposal, "park-och-natur", Instant.parse("2027-01-02T10:00:00Z"));
        events.eforslagPublished(proposal, "park-och-natur", Instant.parse("2027-01-03T10:00:00Z"));
        events.eforslagSentToNamnd(proposal, "park-och-natur", "stadsmiljo", 57, Instant.parse("2027-01-03T10:00:00Z"), reached);
        events.eforslagSentToNamnd(proposal, "park-och-natur", "stadsmiljo", 57, Instant.parse("2027-01-03T10:00:00Z"), reached);
        events.opened(proposal, CaseType.E_FORSLAG, null, "park-och-natur", "stadsmiljo", Channel.WEB, reached, null);
        Instant due3 = Instant.parse("2027-07-20T21:59:59.999Z");
        events.scheduled(proposal, NAMND_ANSWER, StatisticsEvents.NAMND, reached, due3);
        events.answered(proposal, Instant.parse("2027-01-21T09:00:00Z"));
        events.met(proposal, NAMND_ANSWER, StatisticsEvents.NAMND, due3, Instant.parse("2027-01-21T09:00:00Z"));

        try {
            awaitJanuary();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("January not counted: " + body("period", "month", "from", "2027-01-01",
                    "to", "2027-01-31"), e);
        }
    }

    private String body(String... parameters) {
        try {
            return statistics("stina", parameters).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitJanuary() {
        await().atMost(PATIENCE).untilAsserted(() -> statistics("stina", "period", "month", "from", "2027-01-01",
                "to", "2027-01-31")
                .andExpect(jsonPath("$.rows[0].counts.received").value(4))
                .andExpect(jsonPath("$.rows[0].counts.answered").value(3))
                .andExpect(jsonPath("$.rows[0].counts.ivoReported").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagSubmitted").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagPublished").value(1))
                .andExpect(jsonPath("$.rows[0].counts.signatures").value(57))
                .andExpect(jsonPath("$.rows[0].counts.closed").value(1))
                .andExpect(jsonPath("$.rows[0].counts['avvikelser:LEX_SARAH:serious']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:met']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:breached']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:e-forslag-svar-6-manader:met']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:compensations']").value(1)));
    }

    @Test
    void countsEveryFigureOfTheMonthOnceWhateverWasDelivered() throws Exception {
        statistics("stina", "period", "month", "from", "2027-01-15", "to", "2027-01-15")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality").value("Exempelkommun"))
                .andExpect(jsonPath("$.from").value("2027-01-01"))
                .andExpect(jsonPath("$.to").value("2027-01-31"))
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].period").value("2027-01"))
                .andExpect(jsonPath("$.rows[0].counts.received").value(4))
                .andExpect(jsonPath("$.rows[0].counts.answered").value(3))
                .andExpect(jsonPath("$.rows[0].counts.answeredWithinDeadline").value(2))
                .andExpect(jsonPath("$.rows[0].figures.answeredWithinDeadlineShare").value(0.6667))
                .andExpect(jsonPath("$.rows[0].counts.closed").value(1))
                .andExpect(jsonPath("$.rows[0].counts.backlog").value(3))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:met']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:breached']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:compensations']").value(1))
                .andExpect(jsonPath("$.rows[0].figures['guarantee:synpunkt-svar-2-arbetsdagar:metShare']").value(0.5))
                .andExpect(jsonPath("$.guarantees['synpunkt-svar-2-arbetsdagar']").value("RIKTLINJE"))
                .andExpect(jsonPath("$.guarantees['e-forslag-svar-6-manader']").value("TJANSTEGARANTI"))
                .andExpect(jsonPath("$.rows[0].counts['avvikelser:LEX_SARAH:reported']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['avvikelser:LEX_SARAH:serious']").value(1))
                .andExpect(jsonPath("$.rows[0].counts['avvikelser:LEX_SARAH:ivoReported']").value(1))
                .andExpect(jsonPath("$.rows[0].counts.ivoReported").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagSubmitted").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagPublished").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagThresholdReached").value(1))
                .andExpect(jsonPath("$.rows[0].counts.eforslagAnswered").value(1))
                .andExpect(jsonPath("$.rows[0].counts.signatures").value(57))
                // working days after the receipt date: 1 (1 Jan → Mon 4 Jan), 3 (Tue 5 Jan → Mon 11 Jan, past
                // trettondedag jul), 1 (Wed 20 → Thu 21 Jan); hours 81, 144, 24
                .andExpect(jsonPath("$.rows[0].figures.firstAnswerMedianWorkingDays").value(1))
                .andExpect(jsonPath("$.rows[0].figures.firstAnswerP90WorkingDays").value(3))
                .andExpect(jsonPath("$.rows[0].figures.firstAnswerMedianHours").value(81))
                .andExpect(jsonPath("$.rows[0].figures.firstAnswerP90Hours").value(144));
    }

    @Test
    void anEventAtHalfPastElevenUtcOnNewYearsEveCountsOnNewYearsDayAndWeeksAndYearsRollUp() throws Exception {
        statistics("stina", "period", "day", "from", "2026-12-31", "to", "2027-01-01")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].period").value("2027-01-01"))
                .andExpect(jsonPath("$.rows[0].counts.received").value(1));
        statistics("stina", "period", "year", "from", "2026-01-01", "to", "2027-12-31")
                .andExpect(jsonPath("$.rows[*].period").value(containsInAnyOrder("2027")))
                .andExpect(jsonPath("$.rows[0].counts.received").value(4));
        // ISO week 2027-W01 is 4–10 January: the breach (due 7 Jan) and the avvikelse (10 Jan) fall in it
        statistics("stina", "period", "week", "from", "2027-01-04", "to", "2027-01-10")
                .andExpect(jsonPath("$.rows[0].period").value("2027-W01"))
                .andExpect(jsonPath("$.rows[0].counts.received").value(2))
                .andExpect(jsonPath("$.rows[0].counts['guarantee:synpunkt-svar-2-arbetsdagar:breached']").value(1))
                // 1 open from 1 January, 2 received, 1 closed
                .andExpect(jsonPath("$.rows[0].counts.backlog").value(2));
        statistics("stina", "period", "quarter", "from", "2027-02-01", "to", "2027-02-01")
                .andExpect(jsonPath("$.rows[0].period").value("2027-Q1"))
                .andExpect(jsonPath("$.rows[0].counts.received").value(4));
        // a later period with nothing new still shows what is left open
        statistics("stina", "period", "month", "from", "2027-02-01", "to", "2027-02-28")
                .andExpect(jsonPath("$.rows[0].counts.received").value(0))
                .andExpect(jsonPath("$.rows[0].counts.backlog").value(3));
    }

    @Test
    void groupsAndFiltersByEveryDimensionAndAManagerSeesOnlyHerUnits() throws Exception {
        statistics("stina", "period", "month", "from", "2027-01-01", "to", "2027-01-31", "groupBy", "namnd,caseType")
                .andExpect(jsonPath("$.groupBy[0]").value("namnd"))
                .andExpect(jsonPath("$.rows", hasSize(3)))
                .andExpect(jsonPath("$.rows[0].group.namnd").value("samhallsbyggnadsnamnden"))
                .andExpect(jsonPath("$.rows[0].group.caseType").value("E_FORSLAG"))
                .andExpect(jsonPath("$.rows[1].group.caseType").value("SYNPUNKT"))
                .andExpect(jsonPath("$.rows[1].counts.received").value(2))
                .andExpect(jsonPath("$.rows[2].group.namnd").value("vard-och-omsorgsnamnden"))
                .andExpect(jsonPath("$.totals.counts.received").value(4));
        statistics("stina", "period", "year", "from", "2027-01-01", "to", "2027-12-31", "namnd",
                "samhallsbyggnadsnamnden", "kind", "klagomal", "channel", "web", "category", "gata-och-trafik")
                .andExpect(jsonPath("$.rows[0].counts.received").value(2));
        statistics("maria", "period", "month", "from", "2027-01-01", "to", "2027-01-31", "groupBy", "unit")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].group.unit").value(containsInAnyOrder("stadsmiljo")))
                .andExpect(jsonPath("$.totals.counts.received").value(3));
        statistics("maria", "unit", "omsorg").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        mvc.perform(get(STATISTICS).with(httpBasic("anna", "utveckling"))).andExpect(status().isForbidden());
    }

    @Test
    void badParametersAreRefusedNamingEachOne() throws Exception {
        statistics("stina", "period", "fortnight", "kind", "gnall", "groupBy", "colour", "public", "kanske",
                "from", "2027-13-01")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(
                        containsInAnyOrder("period", "from", "kind", "groupBy", "public")));
    }

    @Test
    void theCsvOpensInSwedishExcelWithByteOrderMarkSemicolonsAndDecimalCommas() throws Exception {
        byte[] csv = mvc.perform(get(STATISTICS + "/export.csv").param("period", "month").param("from", "2027-01-01")
                        .param("to", "2027-01-31").param("decimal", "comma").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"statistik-month-2027-01-01-2027-01-31.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(";"));
        List<String> month = List.of(lines.get(1).split(";", -1));
        assertThat(header).startsWith("period", "from", "to", "municipality", "received", "answered");
        assertThat(month).startsWith("2027-01", "2027-01-01", "2027-01-31", "Exempelkommun", "4", "3");
        assertThat(month.get(header.indexOf("answeredWithinDeadlineShare"))).isEqualTo("0,6667");
        assertThat(lines.get(2)).startsWith("total;");

        byte[] negotiated = mvc.perform(get(STATISTICS).param("period", "month").param("from", "2027-01-01")
                        .param("to", "2027-01-31").accept("text/csv").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(negotiated, StandardCharsets.UTF_8)).contains("0.6667");
    }

    @Test
    void aPublicExportSuppressesSmallCountsAndWhatWouldRevealThem() throws Exception {
        statistics("stina", "period", "month", "from", "2027-01-01", "to", "2027-01-31", "groupBy", "unit",
                "public", "true")
                .andExpect(jsonPath("$.publicExport").value(true))
                .andExpect(jsonPath("$.suppressionLimit").value(5))
                .andExpect(jsonPath("$.rows[0].group.unit").value("omsorg"))
                .andExpect(jsonPath("$.rows[0].counts.received").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].suppressed", hasItem("received")))
                .andExpect(jsonPath("$.rows[1].counts.received").value(nullValue()))
                // 1, 3 and their total 4 are all below the limit
                .andExpect(jsonPath("$.totals.counts.received").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].figures.firstAnswerMedianHours").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].counts.reopened").value(0));
        byte[] csv = mvc.perform(get(STATISTICS + "/export.csv").param("period", "month").param("from", "2027-01-01")
                        .param("to", "2027-01-31").param("public", "true").with(httpBasic("stina", "utveckling")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")[1]).contains(";..;");
    }

    @Test
    void theReconciliationFindsTheAggregatesEqualToTheFactsAndTheOldSynpunktEndpointStillAnswers() throws Exception {
        mvc.perform(get(STATISTICS + "/reconciliation").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true))
                .andExpect(jsonPath("$.differences", hasSize(0)));
        mvc.perform(get(STATISTICS + "/reconciliation").with(httpBasic("maria", "utveckling")))
                .andExpect(status().isForbidden());
        statistics("stina").andExpect(status().isOk());
        mvc.perform(get(STATISTICS + "/synpunkter").param("from", "2027-01-01").param("to", "2027-01-31")
                        .with(httpBasic("stina", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.received").value(2));
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/statistics'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/statistics/reconciliation'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/statistics/export.csv'].get").exists());
    }

    private ResultActions statistics(String user, String... parameters) throws Exception {
        var request = get(STATISTICS).with(httpBasic(user, "utveckling"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }
}
