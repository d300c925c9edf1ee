package se.medborgardialog.intake.testing;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The intake service on a real port (a real Tomcat), for a real browser or a plain HTTP client, with its own real
 * in-process broker and store, at {@link IntakeIntegrationTestContext#NOW}. The MockMvc context cannot serve a
 * browser, so this is the second and last context: every class that needs the server extends this and declares
 * no configuration of its own, so Spring starts it once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                // The browser and HTTP tests all come from this machine, at a clock that stands still, so no
                // bucket would ever refill; abuse/ is tested in the MockMvc context from addresses of its own.
                "intake.rate-limit.unlimited-addresses=127.0.0.1,0:0:0:0:0:0:0:1"})
@EmbeddedKafka(partitions = 1, topics = {Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES})
public abstract class IntakeServerIntegrationTestContext {

    @TestBean(methodName = "se.medborgardialog.intake.testing.IntakeIntegrationTestContext#clock")
    Clock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri("intake-server-it"));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    /** The page's address on this server, e.g. {@code url("/synpunkt")}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
