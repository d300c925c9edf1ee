package se.medborgardialog.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.CaseCountsReported;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CountGranularity;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.ReconciliationId;
import se.medborgardialog.contracts.ReconciliationRequested;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation with the case store, with the test in case-service's place: the request goes out on the topic,
 * and an answer that counts a case event reporting has not read yet is compared only once it has ("väntar" until then).
 */
@SpringBootTest(properties = {"spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "reporting.reconciliation.finish-interval=1s"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 2, topics = {Topics.CASES, Topics.DEADLINES, Topics.SUBMISSIONS, Topics.RECONCILIATION})
class ReconciliationWithCaseStoreIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CASE_STORE = "/api/v1/statistics/reconciliation/case-store";
    private static EventStream stream;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("reporting-case-store"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void disconnect() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void comparesOnlyOnceItHasReadEveryCaseEventTheAnswerCounted() throws Exception {
        stream = new EventStream(broker.getBrokersAsString(), json);
        StatisticsEvents events = new StatisticsEvents(stream, json);
        CaseId read = EventStream.newCase();
        CaseId notYetRead = EventStream.newCase();
        events.klagomal(read, "stadsmiljo", Instant.parse("2027-03-02T09:00:00Z"));

        String location = mvc.perform(post(CASE_STORE).param("from", "2027-03-01").param("to", "2027-03-31")
                        .param("period", "day").with(httpBasic("stina", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("väntar"))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).with(httpBasic("stina", "utveckling")))
                .andExpect(jsonPath("$.status").value("väntar"))
                .andExpect(jsonPath("$.message").value("Väntar på svar från case-service."));
        ConsumerRecord<String, byte[]> request = requestOnTheTopic(id);
        assertThat(EventStream.header(request, "ce_type")).isEqualTo(EventTypes.RECONCILIATION_REQUESTED);
        ReconciliationRequested asked = json.readValue(request.value(), ReconciliationRequested.class);
        assertThat(asked.from()).isEqualTo(LocalDate.parse("2027-03-01"));
        assertThat(asked.granularity()).isEqualTo(CountGranularity.DAY);

        // case-service counted both cases; the second one's event is on the topic only after reporting's offset
        Map<Integer, Long> ends = casesTopicEnds();
        ends.merge(partitionOf(notYetRead), 1L, Long::sum);
        CaseCountsReported answer = new CaseCountsReported(asked.reconciliationId(), asked.from(), asked.to(),
                asked.granularity(), Instant.now(), ends, List.of(
                        row("2027-03-02"), row("2027-03-03")),
                List.of(new CaseCountsReported.Open(CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL, "gata-och-trafik",
                        "stadsmiljo", Channel.WEB, 2)));
        stream.send(Topics.RECONCILIATION, new CaseId(asked.reconciliationId().value()),
                EventTypes.CASE_COUNTS_REPORTED, json.writeValueAsBytes(answer));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(location).with(httpBasic("stina", "utveckling")))
                .andExpect(jsonPath("$.status").value("väntar"))
                .andExpect(jsonPath("$.lagging['" + partitionOf(notYetRead) + "']").value(1)));

        events.klagomal(notYetRead, "stadsmiljo", Instant.parse("2027-03-03T09:00:00Z"));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get(location).with(httpBasic("stina", "utveckling")))
                .andExpect(jsonPath("$.status").value("klar"))
                .andExpect(jsonPath("$.result.consistent").value(true))
                .andExpect(jsonPath("$.result.eventsAfterCount").value(0))
                .andExpect(jsonPath("$.result.cells.length()").value(2))
                .andExpect(jsonPath("$.result.cells[1].period").value("2027-03-03"))
                .andExpect(jsonPath("$.result.cells[1].caseStore.received").value(1))
                .andExpect(jsonPath("$.result.cells[1].reporting.received").value(1))
                .andExpect(jsonPath("$.result.backlog[0].reporting").value(2)));
        assertThat(meters.get("medborgardialog.reporting.reconciliation.differences").gauge().value()).isZero();
        mvc.perform(get(CASE_STORE + "/" + UUID.randomUUID()).with(httpBasic("stina", "utveckling")))
                .andExpect(status().isNotFound());
    }

    @Test
    void widensAMonthlyReconciliationToWholeMonthsAndRefusesBadParametersNamingThem() throws Exception {
        mvc.perform(post(CASE_STORE).param("from", "2027-03-15").param("to", "2027-04-02")
                        .with(httpBasic("ada", "utveckling")))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.from").value("2027-03-01"))
                .andExpect(jsonPath("$.to").value("2027-04-30"));
        mvc.perform(post(CASE_STORE).param("from", "mars").param("period", "week")
                        .with(httpBasic("stina", "utveckling")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("from",
                        "period")));
        mvc.perform(post(CASE_STORE).param("from", "2027-01-01").param("to", "2027-06-30").param("period", "day")
                        .with(httpBasic("stina", "utveckling")))
                .andExpect(status().isBadRequest());
        mvc.perform(post(CASE_STORE).with(httpBasic("maria", "utveckling"))).andExpect(status().isForbidden());
    }

    private static CaseCountsReported.Row row(String date) {
        return new CaseCountsReported.Row(date, CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL, "gata-och-trafik",
                "stadsmiljo", Channel.WEB, 1, 0, 0, 0);
    }

    private static int partitionOf(CaseId caseId) {
        return Utils.toPositive(Utils.murmur2(caseId.toString().getBytes(StandardCharsets.UTF_8))) % 2;
    }

    private static Map<Integer, Long> casesTopicEnds() {
        try (KafkaConsumer<String, byte[]> consumer = stream.reader(Topics.CASES)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(Topics.CASES, 0),
                    new TopicPartition(Topics.CASES, 1));
            Map<Integer, Long> ends = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
            return ends;
        }
    }

    private static ConsumerRecord<String, byte[]> requestOnTheTopic(String id) {
        try (KafkaConsumer<String, byte[]> consumer = stream.reader(Topics.RECONCILIATION)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(EventStream.poll(consumer));
                return seen.stream().anyMatch(record -> id.equals(record.key()));
            });
            return seen.stream().filter(record -> id.equals(record.key())).findFirst().orElseThrow();
        }
    }
}
