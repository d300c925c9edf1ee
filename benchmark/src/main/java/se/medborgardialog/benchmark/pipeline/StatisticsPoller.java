package se.medborgardialog.benchmark.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting publishes nothing, so "counted in the statistics" is read from its statistics API: every
 * {@code interval} it asks for today's cases received ({@code GET /api/v1/statistics?period=day}, as {@code stina})
 * and keeps (time, total). It also records how long each query took: the statistics query latency under load.
 */
final class StatisticsPoller implements AutoCloseable {

    private static final Pattern RECEIVED = Pattern.compile("\"received\"\\s*:\\s*(\\d+)");
    private static final String STINA = "Basic " + Base64.getEncoder().encodeToString("stina:utveckling".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI query;
    private final Duration interval;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private final List<long[]> totals = new ArrayList<>();
    final Samples queryMillis = new Samples();

    StatisticsPoller(URI reporting, Duration interval) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        this.query = reporting.resolve("/api/v1/statistics?period=day&from=" + today + "&to=" + today);
        this.interval = interval;
        this.thread = new Thread(this::run, "statistics-poller");
        this.thread.setDaemon(true);
    }

    /** Today's received total now, or -1 if the query failed. */
    long total() {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(query).header("Authorization", STINA)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            queryMillis.add((System.nanoTime() - started) / 1_000_000);
            if (response.statusCode() != 200) {
                return -1;
            }
            return received(response.body());
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The {@code received} of the answer's {@code totals} (each row has one too: summing them all counts twice). */
    static long received(String body) {
        int totals = body.indexOf("\"totals\"");
        Matcher m = RECEIVED.matcher(body);
        return totals >= 0 && m.find(totals) ? Long.parseLong(m.group(1)) : -1;
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!stop.get()) {
            long total = total();
            if (total >= 0) {
                synchronized (totals) {
                    totals.add(new long[] {System.currentTimeMillis(), total});
                }
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * When each case was counted: the {@code k}-th case opened (by its CaseOpened record time, after the baseline
     * total) counts as counted at the first poll whose total reached {@code baseline + k}. Which case the statistics
     * counted is not visible, so this is by rank, at the poll interval's resolution.
     *
     * @return for each of {@code openedTimes} (sorted ascending) the time it was counted, or -1 if never seen
     */
    long[] countedTimes(long baseline, long[] openedTimes) {
        List<long[]> polls;
        synchronized (totals) {
            polls = new ArrayList<>(totals);
        }
        return countedTimes(polls, baseline, openedTimes.length);
    }

    static long[] countedTimes(List<long[]> polls, long baseline, int cases) {
        long[] counted = new long[cases];
        Arrays.fill(counted, -1);
        int next = 0;
        for (long[] poll : polls) {
            long reached = Math.min(cases, poll[1] - baseline);
            while (next < reached) {
                counted[next++] = poll[0];
            }
        }
        return counted;
    }

    @Override
    public void close() {
        stop.set(true);
        thread.interrupt();
    }
}
