package se.medborgardialog.cases.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.CaseWork;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.Browser;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case service on a real port (a real Tomcat) for a real browser, and through MockMvc, with its own real
 * in-process broker and store, at {@link #NOW}. Every class that tests the officers' pages extends this and declares
 * no configuration of its own, so Spring starts it (and the broker) once for all of them.
 *
 * <p>{@link CaseWork} is a spy that does the real work, so a test can make one command lose a race on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
public abstract class CaseServerIntegrationTestContext {

    /** Monday 23 November 2026, 11:00 in Stockholm. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    /** The development users' password (application.yml). */
    public static final String PASSWORD = "utveckling";

    private static final MutableClock CLOCK = new MutableClock(NOW);

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("cases-pages-it"));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected CaseStore store;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @MockitoSpyBean
    protected CaseWork work;

    /** Opens cases the way production does: their events on the broker. */
    protected OpenedCases cases;

    @BeforeEach
    void connect() {
        cases = new OpenedCases(broker.getBrokersAsString(), json, store);
    }

    @AfterEach
    void disconnect() {
        cases.close();
    }

    /** The page's address on this server, e.g. {@code url("/arenden")}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Forgets any earlier session, then logs in through the login form and lands on the queue. */
    protected void signIn(Browser browser, String username) {
        browser.open(url("/logga-in"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/logga-in"));
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.clickAndWaitForNextPage("#login-form button[type=submit]");
    }

    /** A case's audit trail: who read it, through what. */
    protected List<Document> auditOf(CaseId caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId.toString())), Document.class, "audit_log");
    }
}
