package se.medborgardialog.cases;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.medborgardialog.testsupport.InProcessMongo;

/** An SMTP server for a test class, on a port fixed for the class, and the service's store and mail settings. */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** One server for the whole class, so it can be stopped and started again on the port the service knows. */
    public static GreenMailExtension onFreePort() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    /** The in-process store's {@code database}, and mail through {@code smtp}. */
    public static void register(DynamicPropertyRegistry registry, String database, GreenMailExtension smtp) {
        registry.add("spring.mongodb.uri", () -> InProcessMongo.uri(database));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }
}
