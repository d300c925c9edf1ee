package se.medborgardialog.benchmark.pipeline;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the mix to intake. Open loop: request {@code i} is due at {@code start + i / rate} whatever happened before,
 * and its latency is measured from that due time, so a queue in front of the service shows as latency instead of a
 * slower sender (no coordinated omission); at most {@code maxInFlight} requests are outstanding, what would go beyond
 * is counted as not sent. Closed loop: {@code clients} threads, each sending its next request when the last is
 * answered. One {@link HttpClient} (HTTP/1.1, its connection pool, four threads) for everything.
 */
final class LoadDriver implements AutoCloseable {

    private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LINKED = Pattern.compile("\"linked\"\\s*:\\s*true");

    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "http-client");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final Mix mix;
    private final int maxInFlight;

    LoadDriver(Mix mix, int maxInFlight) {
        this.mix = mix;
        this.maxInFlight = maxInFlight;
    }

    /** One acknowledged request that opens a case: its id and when the client had the acknowledgement (epoch ms). */
    record Acked(String id, Mix.Kind kind, long ackMillis) {
    }

    /** What one phase sent and got back. */
    static final class Phase {
        final String name;
        final String mode;
        final double offered;
        final Samples ackMillis = new Samples();
        final Map<Mix.Kind, Samples> ackByKind = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final Map<Integer, String> firstBodies = new ConcurrentHashMap<>();
        /** Added to by the HTTP client's threads while the settle reads it. */
        final Queue<Acked> acked = new ConcurrentLinkedQueue<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong linked = new AtomicLong();
        final AtomicLong notSent = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        long startNanos;
        long lastAckNanos;

        Phase(String name, String mode, double offered) {
            this.name = name;
            this.mode = mode;
            this.offered = offered;
        }

        double acceptedPerSecond() {
            double seconds = (lastAckNanos - startNanos) / 1e9;
            return seconds <= 0 ? 0 : accepted.get() / seconds;
        }

        synchronized void record(Mix.Kind kind, HttpResponse<String> response, long latencyMillis) {
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status / 100 == 2) {
                accepted.incrementAndGet();
                lastAckNanos = Math.max(lastAckNanos, System.nanoTime());
                ackMillis.add(latencyMillis);
                ackByKind.computeIfAbsent(kind, k -> new Samples()).add(latencyMillis);
                if (kind.opensCase) {
                    Matcher m = SUBMISSION_ID.matcher(response.body());
                    if (LINKED.matcher(response.body()).find()) {
                        linked.incrementAndGet();
                    } else if (m.find()) {
                        acked.add(new Acked(m.group(1), kind, System.currentTimeMillis()));
                    }
                }
            } else {
                firstBodies.putIfAbsent(status, kind.label + ": " + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.get()));
            return counts;
        }
    }

    Phase openLoop(String name, double rate, Duration duration) {
        Phase phase = new Phase(name, "open", rate);
        Semaphore inFlight = new Semaphore(maxInFlight);
        long interval = (long) (1e9 / rate);
        long total = (long) (rate * duration.toNanos() / 1e9);
        phase.startNanos = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = phase.startNanos + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                phase.notSent.incrementAndGet();
                continue;
            }
            Mix.Kind kind = mix.next();
            phase.sent.incrementAndGet();
            http.sendAsync(mix.request(kind), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error != null) {
                    phase.errors.incrementAndGet();
                } else {
                    phase.record(kind, response, (System.nanoTime() - due) / 1_000_000);
                }
            });
        }
        drain(inFlight);
        return phase;
    }

    Phase closedLoop(String name, int clients, Duration duration) {
        Phase phase = new Phase(name, "closed", clients);
        phase.startNanos = System.nanoTime();
        long end = phase.startNanos + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Mix.Kind kind = mix.next();
                    long started = System.nanoTime();
                    phase.sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = http.send(mix.request(kind), HttpResponse.BodyHandlers.ofString());
                        phase.record(kind, response, (System.nanoTime() - started) / 1_000_000);
                    } catch (IOException e) {
                        phase.errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return phase;
    }

    /** Waits (up to a minute) for every outstanding request of an open-loop phase. */
    private void drain(Semaphore inFlight) {
        try {
            if (inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
                inFlight.release(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A single request, for setting up (e-förslag) and polling. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
