package se.medborgardialog.sla.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.sla.watch.web.WatchUser;
import se.medborgardialog.staff.StaffIdentity;

/** The read model from the deadlines topic, the page's access and contents, and the live stream. */
class WatchIntegrationTests extends WatchIntegrationTestSupport {

    private static final Instant DUE = MONDAY.plus(Duration.ofDays(21));

    @Autowired
    MeterRegistry meters;
    @Autowired
    WatchMetrics metrics;

    @Test
    void eventsOnTheDeadlinesTopicMoveTheClockFromRunningToAtRiskToBreached() {
        CaseId caseId = newCase();

        deadlines.scheduled(caseId, "stadsmiljo", MONDAY, DUE);
        WatchedClock running = awaitState(caseId, WatchState.RUNNING);
        assertThat(running.unit()).isEqualTo("stadsmiljo");
        assertThat(running.guaranteeId()).isEqualTo("gatubelysning-3-veckor");
        assertThat(running.guaranteeVersion()).isEqualTo(2);
        assertThat(running.guaranteeTitle()).isEqualTo("Gatubelysning lagad inom 3 veckor");
        assertThat(running.dueAt()).isEqualTo(DUE);

        deadlines.warning(caseId, "stadsmiljo", MONDAY.plus(Duration.ofDays(17)), DUE);
        WatchedClock atRisk = awaitState(caseId, WatchState.AT_RISK);
        assertThat(atRisk.lastWarningPoint()).isEqualTo("80%");
        assertThat(atRisk.warnedAt()).isEqualTo(MONDAY.plus(Duration.ofDays(17)));

        deadlines.breached(caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        WatchedClock breached = awaitState(caseId, WatchState.BREACHED);
        assertThat(breached.endedAt()).isEqualTo(DUE.plusSeconds(1));
        assertThat(breached.watched()).isTrue();
    }

    @Test
    void aRedeliveredBreachAndAnOlderWarningChangeNothingAndTheBreachCountsOnce() {
        CaseId caseId = newCase();
        double before = breaches();
        deadlines.scheduled(caseId, "stadsmiljo", MONDAY, DUE);
        String breachId = deadlines.breached(caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        WatchedClock breached = awaitState(caseId, WatchState.BREACHED);

        deadlines.breached(breachId, caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        deadlines.warning(caseId, "stadsmiljo", MONDAY.plus(Duration.ofDays(17)), DUE);
        CaseId barrier = newCase();
        deadlines.scheduled(barrier, "stadsmiljo", MONDAY, DUE);
        awaitState(barrier, WatchState.RUNNING);

        WatchedClock after = model.find(caseId, DeadlineTopic.CLOCK).orElseThrow();
        assertThat(after.state()).isEqualTo(WatchState.BREACHED);
        assertThat(after.version()).isEqualTo(breached.version());
        assertThat(breaches() - before).isEqualTo(1.0);
    }

    @Test
    void aBreachedCaseAnsweredLateLeavesTheListOfOpenBreaches() throws Exception {
        CaseId caseId = newCase();
        deadlines.breached(caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        awaitState(caseId, WatchState.BREACHED);

        sendCaseEvent(caseId, EventTypes.CASE_ANSWERED,
                json.writeValueAsBytes(new CaseAnswered(caseId, "stadsmiljo", DUE.plusSeconds(3600), "anna")));

        await().atMost(PATIENCE).until(() -> model.find(caseId, DeadlineTopic.CLOCK).orElseThrow().caseEndedAt(),
                ended -> DUE.plusSeconds(3600).equals(ended));
        String page = mvc.perform(get("/bevakning").with(user(manager())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(caseId.toString());
    }

    @Test
    void answeringACaseEndsEachOfItsBreachedClocksAndReopeningItOpensThemAgain() throws Exception {
        CaseId caseId = newCase();
        CaseId otherCase = newCase();
        deadlines.breached(caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        deadlines.send(java.util.UUID.randomUUID().toString(), EventTypes.DEADLINE_BREACHED, caseId,
                DUE.plusSeconds(2), new DeadlineBreached(caseId, "forsta-svar", "stadsmiljo", DUE, DUE.plusSeconds(2),
                        DeadlineTopic.GATUBELYSNING, null));
        deadlines.breached(otherCase, "stadsmiljo", DUE.plusSeconds(1), DUE);
        awaitState(otherCase, WatchState.BREACHED);
        await().atMost(PATIENCE).until(() -> model.find(caseId, "forsta-svar").orElse(null),
                clock -> clock != null && clock.state() == WatchState.BREACHED);
        awaitState(caseId, WatchState.BREACHED);

        sendCaseEvent(caseId, EventTypes.CASE_ANSWERED,
                json.writeValueAsBytes(new CaseAnswered(caseId, "stadsmiljo", DUE.plusSeconds(3600), "anna")));
        await().atMost(PATIENCE).until(() -> List.of(model.find(caseId, DeadlineTopic.CLOCK).orElseThrow(),
                        model.find(caseId, "forsta-svar").orElseThrow()),
                clocks -> clocks.stream().allMatch(c -> DUE.plusSeconds(3600).equals(c.caseEndedAt())));
        assertThat(model.find(otherCase, DeadlineTopic.CLOCK).orElseThrow().caseEndedAt()).isNull();

        sendCaseEvent(caseId, EventTypes.CASE_REOPENED,
                json.writeValueAsBytes(new CaseReopened(caseId, "stadsmiljo", "anna", DUE.plusSeconds(7200))));
        await().atMost(PATIENCE).until(() -> List.of(model.find(caseId, DeadlineTopic.CLOCK).orElseThrow(),
                        model.find(caseId, "forsta-svar").orElseThrow()),
                clocks -> clocks.stream().allMatch(c -> c.caseEndedAt() == null && c.watched()));
    }

    @Test
    void clocksKeptBeforeTheyWereNamedPerCaseAreNamedAtStartAndEndWithTheirCase() {
        CaseId caseId = newCase();
        deadlines.breached(caseId, "stadsmiljo", DUE.plusSeconds(1), DUE);
        awaitState(caseId, WatchState.BREACHED);
        mongo.dropCollection(WatchModel.CASE_CLOCKS);

        model.afterPropertiesSet();
        model.caseEnded(caseId, DUE.plusSeconds(60));

        assertThat(model.find(caseId, DeadlineTopic.CLOCK).orElseThrow().caseEndedAt()).isEqualTo(DUE.plusSeconds(60));
    }

    @Test
    void theManagerSeesTheAtRiskAndBreachedCasesOfHerUnitsOnly() throws Exception {
        CaseId atRisk = newCase();
        CaseId breached = newCase();
        CaseId otherUnit = newCase();
        CaseId running = newCase();
        deadlines.warning(atRisk, "medborgarservice", MONDAY, DUE);
        deadlines.breached(breached, "stadsmiljo", DUE.plusSeconds(1), DUE);
        deadlines.breached(otherUnit, "omsorg", DUE.plusSeconds(1), DUE);
        deadlines.scheduled(running, "stadsmiljo", MONDAY, DUE);
        awaitState(running, WatchState.RUNNING);
        awaitState(otherUnit, WatchState.BREACHED);

        String page = mvc.perform(get("/bevakning").with(user(manager())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("http://localhost:8082/arenden/" + atRisk, "http://localhost:8082/arenden/" + breached,
                "Riskerar att försenas", "Försenad", "Gatubelysning lagad inom 3 veckor (version 2)",
                "14 dec. 2026 kl. 10:00", "Stadsmiljö", "Medborgarservice");
        assertThat(page).doesNotContain(otherUnit.toString(), running.toString());
        assertThat(page.indexOf(breached.toString())).as("the breached list comes first")
                .isLessThan(page.indexOf(atRisk.toString()));
        assertThat(page).contains("data-guarantee=\"gatubelysning-3-veckor\"");

        String admin = mvc.perform(get("/bevakning").with(user(WatchUser.of(
                        new StaffIdentity("ada", Set.of("ADMINISTRATOR"), Set.of()))))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).contains(otherUnit.toString(), breached.toString());
    }

    @Test
    void theDevelopmentManagerOfOmsorgAndUtbildningSignsInAndSeesTheirBreachesOnly() throws Exception {
        CaseId lexSarah = newCase();
        CaseId school = newCase();
        CaseId street = newCase();
        deadlines.breached(lexSarah, "omsorg", DUE.plusSeconds(1), DUE);
        deadlines.breached(school, "utbildning", DUE.plusSeconds(1), DUE);
        deadlines.breached(street, "stadsmiljo", DUE.plusSeconds(1), DUE);
        awaitState(lexSarah, WatchState.BREACHED);
        awaitState(school, WatchState.BREACHED);
        awaitState(street, WatchState.BREACHED);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        signIn(http, "vera");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/bevakning"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(lexSarah.toString(), school.toString(), "Vård och omsorg", "Utbildning")
                .doesNotContain(street.toString());
    }

    @Test
    void anOfficerIsRefusedAndNobodyWithoutALoginGetsThePageOrTheStream() throws Exception {
        mvc.perform(get("/bevakning").with(user(WatchUser.of(
                        new StaffIdentity("anna", Set.of("OFFICER"), Set.of("stadsmiljo"))))))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/bevakning/nekad"));
        mvc.perform(get("/bevakning")).andExpect(status().isFound()).andExpect(redirectedUrl("/logga-in"));
        mvc.perform(get("/bevakning/handelser")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/logga-in"));
        // the API stays stateless HTTP Basic with its own 401
        mvc.perform(get("/api/v1/deadlines/{id}", newCase())).andExpect(status().isUnauthorized());
    }

    @Test
    void theLiveStreamSendsAChangeOfTheManagersUnitAndNothingOfAnotherUnit() throws Exception {
        awaitLiveFeed();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(http, "maria");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/bevakning/handelser"))).header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        java.util.stream.Stream<String> body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(PATIENCE).until(() -> lines.contains(":ansluten"));
            CaseId other = newCase();
            CaseId mine = newCase();
            deadlines.warning(other, "omsorg", MONDAY, DUE);
            String warning = deadlines.warning(mine, "stadsmiljo", MONDAY, DUE);

            await().atMost(PATIENCE).until(() -> lines.contains("id:" + warning));
            assertThat(lines).contains("event:bevakning");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:").contains(mine.toString(),
                    "\"state\":\"AT_RISK\"", "\"stateText\":\"Riskerar att försenas\""));
            assertThat(String.join("\n", lines)).doesNotContain(other.toString());
            await().atMost(PATIENCE).until(() -> lines.contains(":hjärtslag"));
        } finally {
            body.close();
        }
    }

    @Test
    void theGaugesCountAtRiskAndOpenBreachesPerUnitAndGuarantee() {
        CaseId atRisk = newCase();
        deadlines.warning(atRisk, "kultur-och-fritid", MONDAY, DUE);
        CaseId breached = newCase();
        deadlines.breached(breached, "kultur-och-fritid", DUE.plusSeconds(1), DUE);
        awaitState(atRisk, WatchState.AT_RISK);
        awaitState(breached, WatchState.BREACHED);

        metrics.refresh();

        assertThat(meters.get("medborgardialog.sla.at_risk").tag("unit", "kultur-och-fritid")
                .tag("guarantee", "gatubelysning-3-veckor").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("medborgardialog.sla.breached_open").tag("unit", "kultur-och-fritid")
                .tag("guarantee", "gatubelysning-3-veckor").gauge().value()).isEqualTo(1.0);
    }

    private double breaches() {
        var counter = meters.find("medborgardialog.sla.breaches").tag("guarantee", "gatubelysning-3-veckor").counter();
        return counter == null ? 0 : counter.count();
    }

    static WatchUser manager() {
        return WatchUser.of(new StaffIdentity("maria", Set.of("MANAGER"), Set.of("stadsmiljo", "medborgarservice")));
    }

    private void signIn(HttpClient http, String username) throws Exception {
        String form = http.send(HttpRequest.newBuilder(URI.create(url("/logga-in"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/logga-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValue(url("/bevakning"));
    }

    private void sendCaseEvent(CaseId caseId, String type, byte[] payload) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASES, caseId.toString(), payload);
            record.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("ce_id", java.util.UUID.randomUUID().toString()
                    .getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }
}
