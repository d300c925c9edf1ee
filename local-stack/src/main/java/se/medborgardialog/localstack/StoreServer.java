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
 * <p>Commits are grouped: a request waits for a commit that began after its own write, and one commit serves every
 * request whose write it covers. Without it, each of the server's worker threads committed for itself and waited for
 * the others' commits (the pipeline benchmark found all of them parked in {@code MVStore.commit}).
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

        private final Object commits = new Object();
        /** Every version before this one is on file. */
        private volatile long savedBelow;

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

        /**
         * Returns once everything written before this call is on file. The store's changes go into its current
         * version until a commit saves them and opens the next; so a request whose writes are in version {@code v}
         * is done as soon as the current version is past {@code v} after a commit — often one made for another
         * request meanwhile. A commit with nothing to save opens no new version.
         */
        private void commitIfChanged() {
            MVStore store = getMvStore();
            long written = store.getCurrentVersion();
            if (written < savedBelow) {
                return;
            }
            synchronized (commits) {
                if (written < savedBelow) {
                    return;
                }
                commit(); // a no-op when nothing is unsaved (a read, or H2's own background commit came first)
                savedBelow = store.getCurrentVersion();
            }
        }
    }
}
