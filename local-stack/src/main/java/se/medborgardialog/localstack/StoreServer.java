package se.medborgardialog.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import se.medborgardialog.embeddedstore.IdIndexedH2Backend;

/**
 * The embedded store: mongo-java-server's H2 backend in its own JVM, on a file.
 *
 * <p>Out of the box the H2 backend commits about once a second, so a {@code kill -9} loses the writes
 * it had already acknowledged (STACK.md measured 535 and 1,295 of 2,001). Services rely on an
 * acknowledged write being there, so this store commits before it answers any request that changed
 * something. A commit writes to the file but does not fsync: a killed process loses nothing, a power
 * cut may. Production runs real MongoDB.
 *
 * <p>A filter that pins {@code _id} next to a guard ({@code {_id, version}}) is served by the {@code _id} index, as
 * MongoDB does, instead of a scan of the collection ({@link IdIndexedH2Backend}).
 */
public final class StoreServer {

    private StoreServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "27017");
        Path file = Path.of(args.length > 1 ? args[1] : "data/store/store.mv");
        Files.createDirectories(file.toAbsolutePath().getParent());

        MVStore mvStore = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(256)
                .open();
        DurableH2Backend backend = new DurableH2Backend(mvStore);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "store-shutdown"));
        System.out.println("store listening on 127.0.0.1:" + port + ", data in " + file.toAbsolutePath());
    }

    /** Commits the MVStore before replying whenever a request left unsaved changes. */
    static final class DurableH2Backend extends IdIndexedH2Backend {

        DurableH2Backend(MVStore mvStore) {
            super(mvStore);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                commitIfChanged();
            }
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            try {
                return super.handleMessage(message);
            } finally {
                commitIfChanged();
            }
        }

        private void commitIfChanged() {
            if (getMvStore().hasUnsavedChanges()) {
                commit();
            }
        }
    }
}
