package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactness: a rebuild from the topics' beginning gives the same figures as counting live, and the reconciliation
 * finds a difference planted in a cell.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 2, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS})
class ExactnessIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String QUERY = "/api/v1/statistics?period=day&from=2027-03-01&to=2027-03-31&groupBy=unit,kind";

    private static EventStream stream;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-exactness"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Generations generations;

    @AfterAll
    static void disconnect() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void aRebuildFromTheBeginningGivesTheSameFiguresAndTheReconciliationFindsAPlantedDifference() throws Exception {
        stream = new EventStream(broker.getBrokersAsString(), json);
        StatisticsEvents events = new StatisticsEvents(stream, json);
        // around the spring change to summer time (28 March 2027) and with every event delivered twice
        Instant[] received = {Instant.parse("2027-03-27T23:30:00Z"), Instant.parse("2027-03-28T21:30:00Z"),
                Instant.parse("2027-03-28T22:30:00Z"), Instant.parse("2027-03-02T12:00:00Z"),
                Instant.parse("2027-03-15T07:00:00Z")};
        String[] units = {"stadsmiljo", "medborgarservice", "stadsmiljo", "utbildning", "stadsmiljo"};
        for (int i = 0; i < received.length; i++) {
            CaseId id = EventStream.newCase();
            Instant due = received[i].plus(Duration.ofDays(3));
            for (int copy = 0; copy < 2; copy++) {
                events.klagomal(id, units[i], received[i]);
                events.scheduled(id, "first-answer", StatisticsEvents.SVAR, received[i], due);
                if (i % 2 == 0) {
                    events.answered(id, received[i].plus(Duration.ofHours(5 + i)));
                    events.met(id, "first-answer", StatisticsEvents.SVAR, due, received[i].plus(Duration.ofHours(5 + i)));
                } else {
                    events.breached(id, "first-answer", StatisticsEvents.SVAR, due, null);
                }
                if (i == 4) {
                    events.closed(id, received[i].plus(Duration.ofDays(1)));
                }
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(QUERY).with(httpBasic("stina", "utveckling")))
                .andExpect(jsonPath("$.totals.counts.received").value(5))
                .andExpect(jsonPath("$.totals.counts.answered").value(3))
                .andExpect(jsonPath("$.totals.counts['guarantee:synpunkt-svar-2-arbetsdagar:breached']").value(2))
                .andExpect(jsonPath("$.totals.counts.closed").value(1)));
        // 23:30 UTC on the 27th and 21:30 UTC on the 28th are both the 28th in Stockholm; 22:30 UTC is the 29th
        mvc.perform(get("/api/v1/statistics?period=day&from=2027-03-27&to=2027-03-29")
                        .with(httpBasic("stina", "utveckling")))
                // the 27th has a row too: the cases of the 2nd and the 15th are still open (its backlog)
                .andExpect(jsonPath("$.rows[*].period").value(contains("2027-03-27", "2027-03-28", "2027-03-29")))
                .andExpect(jsonPath("$.rows[*].counts.received").value(contains(0, 2, 1)));
        String live = body(QUERY);
        reconciliation().andExpect(jsonPath("$.consistent").value(true));

        mvc.perform(post("/api/v1/statistics/rebuild").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/statistics/rebuild").with(httpBasic("ada", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.generation").value(1));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/statistics/rebuild")
                        .with(httpBasic("ada", "utveckling")))
                .andExpect(jsonPath("$.state").value("DONE")));

        assertThat(generations.active().number()).isEqualTo(1);
        assertThat(mongo.collectionExists("dailyStatistics")).isFalse();
        assertThat(body(QUERY)).isEqualTo(live);
        reconciliation().andExpect(jsonPath("$.consistent").value(true)).andExpect(jsonPath("$.generation").value(1));

        // a lost increment: one cell counts one received too few
        Document cell = mongo.getCollection(generations.active().days())
                .find(new Document("period", "2027-03-02")).first();
        mongo.getCollection(generations.active().days()).updateOne(new Document("_id", cell.getString("_id")),
                new Document("$inc", new Document("n.received", -1)));
        reconciliation()
                .andExpect(jsonPath("$.consistent").value(false))
                .andExpect(jsonPath("$.differences", hasSize(1)))
                .andExpect(jsonPath("$.differences[0].level").value("day"))
                .andExpect(jsonPath("$.differences[0].period").value("2027-03-02"))
                .andExpect(jsonPath("$.differences[0].unit").value("utbildning"))
                .andExpect(jsonPath("$.differences[0].counter").value("received"))
                .andExpect(jsonPath("$.differences[0].expected").value(1))
                .andExpect(jsonPath("$.differences[0].actual").value(0));
    }

    private org.springframework.test.web.servlet.ResultActions reconciliation() throws Exception {
        return mvc.perform(get("/api/v1/statistics/reconciliation").with(httpBasic("ada", "utveckling")))
                .andExpect(status().isOk());
    }

    private String body(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic("stina", "utveckling"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
