package se.medborgardialog.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import se.medborgardialog.contracts.Topics;

/**
 * Starts the embedded default: a real Kafka broker in KRaft mode and the MongoDB wire-protocol store,
 * each in its own JVM, then the four services, each in its own process so one can be killed and
 * restarted alone. Data stays in the data directory across restarts; Ctrl-C stops everything cleanly.
 */
public final class LocalStack implements AutoCloseable {

    /** How long a service may take to answer healthy; {@code -Dmedborgardialog.start-timeout=PT10M} on a busy machine. */
    /**
     * The services' JVM options, {@code -Dmedborgardialog.service-jvm="..."}. The default starts quickly and small (the
     * quick compiler only), which suits a developer's machine; the pipeline benchmark runs them with the full compiler.
     */
    static final String SERVICE_JVM = "medborgardialog.service-jvm";
    static final String DEVELOPMENT_JVM = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("medborgardialog.start-timeout", "PT3M"));
    /** How often a service that exits during start is started again before the start fails. */
    private static final int START_RESTARTS = 2;
    private static final int TOPIC_PARTITIONS = 3;
    /** The launcher logs warnings only (simplelogger.properties); the broker and the store log more, to their files. */
    private static final String VERBOSE_LOG = "-Dorg.slf4j.simpleLogger.defaultLogLevel=info";

    private final StackSettings settings;
    private final Path logs;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Instant> lastStart = new EnumMap<>(Service.class);
    private ChildProcess broker;
    private ChildProcess store;
    private MailCatcher mail;
    private volatile boolean stopping;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.logs = settings.dataDir().resolve("logs");
        this.classpath = childClasspath(settings.home());
    }

    /**
     * The broker and the store run from this module's classes and runtime dependencies, which the build
     * lists in {@code local-stack/target/runtime-classpath.txt} (the launcher's own classpath may be a
     * test runner's manifest jar).
     */
    private static String childClasspath(Path home) {
        Path target = home.resolve("local-stack").resolve("target");
        try {
            return target.resolve("classes") + File.pathSeparator
                    + Files.readString(target.resolve("runtime-classpath.txt")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no " + target.resolve("runtime-classpath.txt")
                    + ": build first (mvn -DskipTests install), or use ./run-local which does");
        }
    }

    public static void main(String[] args) {
        StackSettings settings;
        try {
            settings = StackSettings.fromArgs(Path.of(System.getProperty("medborgardialog.home", ".")).toAbsolutePath().normalize(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping: services, then store, then broker...");
            stack.close();
            System.out.println("Stopped. Data kept in " + settings.dataDir());
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("Could not start the local stack: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything and returns once every service reports healthy. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void start() {
        checkPortsFree();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> jars = new ArrayList<>();
        for (Service service : Service.values()) {
            jars.add(serviceJar(service));
        }
        mail = MailCatcher.start(settings.smtpPort(), settings.mailPort());
        startStore();
        startBroker();
        createTopics();
        for (Service service : Service.values()) {
            startService(service);
        }
        for (Service service : Service.values()) {
            awaitHealthy(service);
        }
        if (settings.supervise()) {
            Thread supervisor = new Thread(this::supervise, "local-stack-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        }
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    public String storeUri() {
        return "mongodb://127.0.0.1:" + settings.storePort();
    }

    /** The development SMTP server case-service sends answer mails to. */
    public int smtpPort() {
        return mail.smtpPort();
    }

    /** {@code GET} lists the mails the SMTP server received, as JSON. */
    public URI mailApi() {
        return mail.mailApi();
    }

    public URI url(Service service) {
        return URI.create("http://127.0.0.1:" + settings.port(service));
    }

    public long pid(Service service) {
        return services.get(service).pid();
    }

    /** {@code kill -9} of one service. With supervision on, it is started again by the supervisor. */
    public void kill(Service service) {
        services.get(service).kill();
    }

    /** The broker's process id (for fault injection). */
    public long brokerPid() {
        return broker.pid();
    }

    /** The store's process id (for fault injection, e.g. {@code kill -STOP}). */
    public long storePid() {
        return store.pid();
    }

    /** Stops the broker cleanly (SIGTERM, as Ctrl-C would); {@link #restartBroker()} starts it again on its data. */
    public void stopBroker() {
        broker.stop(60);
    }

    /** Starts the broker again if it is not running, and waits until it listens. */
    public void restartBroker() {
        if (!broker.isAlive()) {
            startBroker();
        }
    }

    /** {@code kill -9} of the store: no shutdown hook runs. */
    public void killStore() {
        store.kill();
    }

    /** Starts the store again on its file if it is not running, and waits until it listens. */
    public void restartStore() {
        if (!store.isAlive()) {
            store.start();
            awaitPort("store", store, settings.storePort());
        }
    }

    /** Starts a service that is not running and waits until it is healthy. */
    public void restart(Service service) {
        ChildProcess child = services.get(service);
        if (!child.isAlive()) {
            startService(service);
        }
        awaitHealthy(service);
    }

    /** Waits until a (possibly restarting) service answers healthy again. */
    public void awaitHealthy(Service service) {
        ChildProcess child = services.get(service);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI health = url(service).resolve("/actuator/health");
        int restarts = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive() && restarts < START_RESTARTS) {
                // On a busy machine a service can give up on a store or broker that is slow to answer at first
                // (a 30 s server selection timeout); start it once more, as the supervisor would, before failing.
                restarts++;
                System.out.printf("%s exited during start (exit %d); starting it again (%d of %d). Log: %s%n",
                        service.moduleName(), child.process().exitValue(), restarts, START_RESTARTS, child.log());
                startService(service);
                child = services.get(service);
            }
            if (child.isAlive() || settings.supervise()) {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + service.moduleName());
                }
            } else {
                throw new IllegalStateException(service.moduleName() + " exited with " + child.process().exitValue()
                        + "; see " + child.log());
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(service.moduleName() + " did not become healthy within " + START_TIMEOUT
                + "; see " + child.log());
    }

    private void startStore() {
        Path file = settings.dataDir().resolve("store").resolve("store.mv");
        store = new ChildProcess("store", List.of(java, "-Xmx512m", "-XX:+UseSerialGC", VERBOSE_LOG, "-cp", classpath,
                StoreServer.class.getName(), Integer.toString(settings.storePort()), file.toString()),
                logs.resolve("store.log"));
        store.start();
        awaitPort("store", store, settings.storePort());
    }

    private void startBroker() {
        Path kafkaDir = settings.dataDir().resolve("kafka");
        Path logDir = kafkaDir.resolve("log");
        Path config = kafkaDir.resolve("server.properties");
        try {
            Files.createDirectories(logDir);
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.controllerPort());
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:" + settings.controllerPort());
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort());
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
            p.setProperty("num.partitions", Integer.toString(TOPIC_PARTITIONS));
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "true");
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "Generated by local-stack on every start");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ChildProcess format = new ChildProcess("kafka-format", List.of(java, "-cp", classpath, "kafka.tools.StorageTool",
                        "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), logs.resolve("kafka.log"));
                int exit = format.start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("formatting the Kafka log directory failed; see " + format.log());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        broker = new ChildProcess("kafka", List.of(java, "-Xmx512m", "-Xms256m", VERBOSE_LOG, "-cp", classpath, "kafka.Kafka",
                config.toString()), logs.resolve("kafka.log"));
        broker.start();
        awaitPort("kafka", broker, settings.kafkaPort());
    }

    /** Creates the topics up front and waits for their leaders, so the first producers do not race the broker. */
    private void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        Set<String> wanted = Set.of(Topics.SUBMISSIONS, Topics.CASES, Topics.DEADLINES);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, TOPIC_PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                var descriptions = admin.describeTopics(wanted).allTopicNames().get(60, TimeUnit.SECONDS);
                boolean led = descriptions.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (led) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("topics have no leader after 60 s; see " + broker.log());
                }
                pause(Duration.ofMillis(200));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics on the broker: " + e.getMessage() + "; see " + broker.log(), e);
        }
    }

    private void startService(Service service) {
        ChildProcess child = services.computeIfAbsent(service, s -> new ChildProcess(s.moduleName(), command(s),
                logs.resolve(s.moduleName() + ".log")));
        lastStart.put(service, Instant.now());
        child.start();
    }

    /**
     * The service's command line. The {@code local} profile is this stack's: development-only settings such as
     * intake's "Utvecklingsinloggning – inte e-legitimation" for e-förslag (application-local.yml).
     */
    private List<String> command(Service service) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(System.getProperty(SERVICE_JVM, DEVELOPMENT_JVM).trim().split("\\s+")));
        command.addAll(List.of("-jar", serviceJar(service).toString(),
                "--spring.profiles.active=local",
                "--server.port=" + settings.port(service),
                "--spring.mongodb.uri=" + storeUri() + "/" + service.database(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrapServers()));
        if (service == Service.CASE) {
            command.add("--spring.mail.host=127.0.0.1");
            command.add("--spring.mail.port=" + mail.smtpPort());
            // where the officer's browser fetches attachments and the citizen's mail points for a reply: this intake
            String intake = "http://localhost:" + settings.port(Service.INTAKE);
            command.add("--cases.attachments.base-url=" + intake);
            command.add("--cases.mail.intake-base-url=" + intake);
        }
        if (service == Service.SLA) {
            // the managers' alert mails go to the same catcher; the watch page and the mails link this stack's pages
            command.add("--spring.mail.host=127.0.0.1");
            command.add("--spring.mail.port=" + mail.smtpPort());
            command.add("--sla.watch.case-base-url=http://localhost:" + settings.port(Service.CASE) + "/arenden/");
            command.add("--sla.watch.page-url=http://localhost:" + settings.port(Service.SLA) + "/bevakning");
        }
        command.addAll(settings.arguments(service));
        return command;
    }

    private Path serviceJar(Service service) {
        Path target = settings.home().resolve(service.moduleName()).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + ": build first (mvn -DskipTests install), or use ./run-local which does"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restarts a service process that died without being asked to stop, e.g. after {@code kill -9}. */
    private void supervise() {
        while (!stopping) {
            for (Service service : Service.values()) {
                ChildProcess child = services.get(service);
                if (!stopping && child != null && !child.isAlive()) {
                    Instant started = lastStart.get(service);
                    if (started != null && Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0) {
                        continue; // do not spin on a service that cannot start; its log says why
                    }
                    System.out.printf("%s stopped (exit %d); restarting it. Log: %s%n", service.moduleName(),
                            child.process().exitValue(), child.log());
                    startService(service);
                }
            }
            pause(Duration.ofMillis(500));
        }
    }

    private void awaitPort(String name, ChildProcess child, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + child.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                pause(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within 90 s; see " + child.log());
    }

    private void checkPortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(settings.kafkaPort(), settings.controllerPort(), settings.storePort()));
        ports.addAll(settings.servicePorts().values());
        ports.add(settings.smtpPort());
        ports.add(settings.mailPort());
        for (int port : ports) {
            if (port == 0) {
                continue; // a free one is taken at start
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use (is another stack running?); "
                        + "choose others, e.g. --intake-port=9081");
            }
        }
    }

    private void printSummary() {
        System.out.println();
        System.out.println("Medborgardialog is running (embedded default). Data: " + settings.dataDir());
        for (Service service : Service.values()) {
            ChildProcess child = services.get(service);
            System.out.printf("  %-18s %-24s pid %-7d log %s%n", service.moduleName(), url(service), child.pid(), child.log());
        }
        System.out.printf("  %-18s %-24s pid %-7d log %s%n", "kafka (KRaft)", kafkaBootstrapServers(), broker.pid(), broker.log());
        System.out.printf("  %-18s %-24s pid %-7d log %s%n", "store (MongoDB)", storeUri(), store.pid(), store.log());
        System.out.printf("  %-18s %-24s (in this process; development only)%n", "smtp (GreenMail)", "127.0.0.1:" + smtpPort());
        System.out.printf("  %-18s %-24s (answer and alert mails received; read-only)%n", "mail API", mailApi());
        System.out.println();
        System.out.println("Try: curl -i -X POST " + url(Service.INTAKE) + "/api/v1/synpunkter -H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"kind\":\"klagomål\",\"category\":\"gata-och-trafik\",\"text\":\"Trasig gatlykta på Storgatan\",\"channel\":\"web\"}'");
        System.out.println(settings.supervise()
                ? "A service that dies (kill -9 <pid>) is restarted. Ctrl-C stops everything."
                : "Ctrl-C stops everything.");
    }

    /** Stops services (SIGTERM, then SIGKILL after 30 s), then the store, then the broker. */
    @Override
    public void close() {
        stopping = true;
        List<CompletableFuture<Void>> stops = services.values().stream()
                .map(child -> CompletableFuture.runAsync(() -> child.stop(30))).toList();
        stops.forEach(CompletableFuture::join);
        if (store != null) {
            store.stop(30);
        }
        if (broker != null) {
            broker.stop(60);
        }
        if (mail != null) {
            mail.close();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
