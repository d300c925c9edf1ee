package se.medborgardialog.intake.testing;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.TestTokens;

/**
 * The intake service as production runs it: staff sign in with the OIDC provider only, the API with its bearer
 * tokens and the staff pages with its authorization code login, both really signed by {@link #tokens} (a key of the
 * test's own, its key set and token endpoint served over HTTP). Real in-process broker and store, at
 * {@link IntakeIntegrationTestContext#NOW}. The third and last context: every class that needs the provider extends
 * this and declares no configuration of its own, so Spring starts it once for all of them.
 */
@SpringBootTest(properties = {"spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "intake.rate-limit.unlimited-addresses=127.0.0.1"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
public abstract class IntakeOidcIntegrationTestContext extends BrokerClients {

    /** The realm's client for the staff pages (keycloak/medborgardialog-realm.json). */
    public static final String CLIENT = "medborgardialog-staff";

    protected static final TestTokens tokens = TestTokens.create();

    @TestBean(methodName = "se.medborgardialog.intake.testing.IntakeIntegrationTestContext#clock")
    Clock clock;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-oidc-it"));
        tokens.configure(registry);
        tokens.configureLogin(registry, CLIENT);
    }

    @Autowired
    protected MockMvc mvc;
}
