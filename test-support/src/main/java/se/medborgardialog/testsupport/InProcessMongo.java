package se.medborgardialog.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import se.medborgardialog.embeddedstore.IdIndexedMemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server, memory backend) shared by all tests in one JVM.
 * Services reach it through the real MongoDB driver; each test class should use its own database name.
 * Filters that pin {@code _id} are served by the {@code _id} index, as in MongoDB ({@code embedded-store}).
 */
public final class InProcessMongo {

    private static MongoServer server;
    private static InetSocketAddress address;

    private InProcessMongo() {
    }

    /** A connection string to {@code database} on the shared in-process server, started on first use. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new IdIndexedMemoryBackend());
            address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "in-process-mongo-stop"));
        }
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
