package se.medborgardialog.cases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgardialog.cases.audit.AuditEntry;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.opening.DiarienummerSeries;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.TestTokens;

/**
 * case-service as production runs it: staff present the OIDC provider's signed bearer tokens (here signed by a key of
 * the test's own, verified by the real resource-server chain), and the development users' passwords no longer work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
class BearerTokenIntegrationTests {

    private static final TestTokens tokens = TestTokens.create();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-oidc-it"));
        tokens.configure(registry);
    }

    @Autowired
    CaseStore store;
    @Autowired
    CaseEventPublisher events;
    @Autowired
    DiarienummerSeries numbers;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOfficersTokenOpensTheirQueueAndItsUnitsDecideWhichCasesTheySee() throws Exception {
        String caseId = caseIn("ovrigt");

        String bertil = tokens.forUser("bertil", List.of("officer"), List.of("/enheter/medborgarservice"));
        HttpResponse<String> own = get("/api/v1/cases/" + caseId, "Bearer " + bertil);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(caseId);
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditEntry.class))
                .extracting(AuditEntry::who).containsExactly("bertil");
        assertThat(get("/api/v1/queue?status=all", "Bearer " + bertil).body()).contains(caseId);

        String anna = tokens.forUser("anna", List.of("officer"), List.of("stadsmiljo"));
        HttpResponse<String> foreign = get("/api/v1/cases/" + caseId, "Bearer " + anna);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Gatlampan");
        assertThat(get("/api/v1/queue?status=all", "Bearer " + anna).body()).doesNotContain(caseId);
    }

    @Test
    void refusesMissingExpiredForeignAndWrongAudienceTokensWithABearerChallenge() throws Exception {
        List<String> officer = List.of("officer");
        List<String> unit = List.of("stadsmiljo");
        HttpResponse<String> none = get("/api/v1/queue", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");

        assertThat(get("/api/v1/queue", "Bearer " + tokens.forUser("anna", officer, unit, TestTokens::expired))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/queue", "Bearer " + tokens.signedByAnotherKey("anna", officer, unit)).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/queue", "Bearer " + tokens.forUser("anna", officer, unit,
                claims -> claims.audience("some-other-service"))).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/queue", "Bearer " + tokens.forUser("anna", officer, unit,
                claims -> claims.issuer("http://elsewhere.example/realms/x"))).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/queue", "Bearer " + tokens.forUser("anna", officer, unit)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theDevelopmentUsersPasswordsDoNotWorkOnceTokensDo() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("anna:utveckling".getBytes(StandardCharsets.UTF_8));

        assertThat(get("/api/v1/queue", basic).statusCode()).isEqualTo(401);
    }

    @Test
    void theOfficersPagesHaveNoPasswordLoginOnceTokensWork() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("anna:utveckling".getBytes(StandardCharsets.UTF_8));
        String token = "Bearer " + tokens.forUser("anna", List.of("officer"), List.of("stadsmiljo"));

        for (String authorization : java.util.Arrays.asList(null, basic, token)) {
            HttpResponse<String> queue = get("/arenden", authorization);
            assertThat(queue.statusCode()).isEqualTo(302);
            assertThat(queue.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/logga-in"));
        }
        HttpResponse<String> login = get("/logga-in", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"ingen-losenordsinloggning\"").doesNotContain("name=\"password\"");
    }

    @Test
    void rolesComeFromTheTokenAStatisticianGetsNoQueueAndOnlyAnAdministratorTheAuditLog() throws Exception {
        String stina = tokens.forUser("stina", List.of("statistician"), List.of());
        String ada = tokens.forUser("ada", List.of("administrator"), List.of());

        assertThat(get("/api/v1/queue", "Bearer " + stina).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "Bearer " + stina).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "Bearer " + ada).statusCode()).isEqualTo(200);
    }

    private String caseIn(String category) {
        SynpunktSubmitted submission = aSubmission().inCategory(category).build();
        Instant now = Instant.now();
        Case aCase = Case.open(submission, numbers.next(now), "medborgarservice", now);
        store.insertOpened(aCase, events.pending(aCase.caseId(), EventTypes.CASE_OPENED, aCase.opened(), now));
        return aCase.caseId().toString();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
