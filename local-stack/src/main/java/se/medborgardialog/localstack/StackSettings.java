package se.medborgardialog.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives and listens.
 *
 * @param home      the repository root (the services' jars are under {@code <module>/target})
 * @param dataDir   broker log, store file and process logs; kept across restarts
 * @param supervise restart a service process that dies (for example after {@code kill -9})
 * @param serviceArguments more Spring Boot arguments per service ({@code --key=value}), after the stack's own
 * @param smtpPort  the development SMTP server case-service sends answer mails to; 0 picks a free port at start
 * @param mailPort  the HTTP API that lists what the SMTP server received ({@code GET /api/mail}); 0 picks a free port
 */
public record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int controllerPort,
        int storePort,
        Map<Service, Integer> servicePorts,
        boolean supervise,
        Map<Service, List<String>> serviceArguments,
        int smtpPort,
        int mailPort) {

    public StackSettings {
        servicePorts = Map.copyOf(servicePorts);
        serviceArguments = Map.copyOf(serviceArguments);
    }

    /** Without mail ports: the SMTP server and its API take free ports when the stack starts. */
    public StackSettings(Path home, Path dataDir, int kafkaPort, int controllerPort, int storePort,
            Map<Service, Integer> servicePorts, boolean supervise) {
        this(home, dataDir, kafkaPort, controllerPort, storePort, servicePorts, supervise, Map.of());
    }

    /** Without mail ports: the SMTP server and its API take free ports when the stack starts. */
    public StackSettings(Path home, Path dataDir, int kafkaPort, int controllerPort, int storePort,
            Map<Service, Integer> servicePorts, boolean supervise, Map<Service, List<String>> serviceArguments) {
        this(home, dataDir, kafkaPort, controllerPort, storePort, servicePorts, supervise, serviceArguments, 0, 0);
    }

    /** The same stack, with the SMTP server and its mail API on these ports (0: a free one). */
    public StackSettings withMailPorts(int smtp, int mail) {
        return new StackSettings(home, dataDir, kafkaPort, controllerPort, storePort, servicePorts, supervise,
                serviceArguments, smtp, mail);
    }

    /** The same stack, with {@code arguments} given to {@code service} as well. */
    public StackSettings withArguments(Service service, String... arguments) {
        Map<Service, List<String>> more = new EnumMap<>(Service.class);
        more.putAll(serviceArguments);
        more.merge(service, List.of(arguments), (before, added) -> {
            List<String> all = new ArrayList<>(before);
            all.addAll(added);
            return List.copyOf(all);
        });
        return new StackSettings(home, dataDir, kafkaPort, controllerPort, storePort, servicePorts, supervise, more,
                smtpPort, mailPort);
    }

    public List<String> arguments(Service service) {
        return serviceArguments.getOrDefault(service, List.of());
    }

    public static StackSettings defaults(Path home) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackSettings(home, home.resolve("data"), 9092, 9093, 27017, ports, true).withMailPorts(3025, 8025);
    }

    /**
     * A stack for a test run beside anything else on the machine: every port (broker, controller, store, services,
     * SMTP and its API) a free one, so it never collides with a developer's {@code ./run-local} or another run.
     */
    public static StackSettings onFreePorts(Path home, Path dataDir, boolean supervise) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new StackSettings(home, dataDir, freePort(), freePort(), freePort(), ports, supervise);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port: " + e.getMessage(), e);
        }
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    /** Reads {@code --data-dir=}, {@code --kafka-port=}, {@code --controller-port=}, {@code --store-port=},
     * {@code --intake-port=}, {@code --case-port=}, {@code --sla-port=}, {@code --reporting-port=}, {@code --smtp-port=},
     * {@code --mail-port=}, {@code --no-restart}. */
    public static StackSettings fromArgs(Path home, String[] args) {
        StackSettings s = defaults(home);
        Path dataDir = s.dataDir();
        int kafka = s.kafkaPort();
        int controller = s.controllerPort();
        int store = s.storePort();
        int smtp = s.smtpPort();
        int mail = s.mailPort();
        boolean supervise = true;
        Map<Service, Integer> ports = new EnumMap<>(s.servicePorts());
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String key = kv[0];
            String value = kv.length > 1 ? kv[1] : "";
            switch (key) {
                case "--data-dir" -> dataDir = home.resolve(value);
                case "--kafka-port" -> kafka = port(key, value);
                case "--controller-port" -> controller = port(key, value);
                case "--store-port" -> store = port(key, value);
                case "--intake-port" -> ports.put(Service.INTAKE, port(key, value));
                case "--case-port" -> ports.put(Service.CASE, port(key, value));
                case "--sla-port" -> ports.put(Service.SLA, port(key, value));
                case "--reporting-port" -> ports.put(Service.REPORTING, port(key, value));
                case "--smtp-port" -> smtp = port(key, value);
                case "--mail-port" -> mail = port(key, value);
                case "--no-restart" -> supervise = false;
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (known: --data-dir= --kafka-port= --controller-port= --store-port= --intake-port="
                        + " --case-port= --sla-port= --reporting-port= --smtp-port= --mail-port= --no-restart)");
            }
        }
        return new StackSettings(home, dataDir, kafka, controller, store, ports, supervise).withMailPorts(smtp, mail);
    }

    private static int port(String key, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number between 1 and 65535, was '" + value + "'");
        }
    }
}
