package se.medborgardialog.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the load was told: every acknowledged submission with the phase (fault) it was sent in, every answer's status
 * per phase, and the answers that break a promise (a 5xx other than 503, or a 202 while the broker was down).
 */
final class Ledger {

    /** An acknowledged submission: the case it must open has {@code caseId}. */
    record Acknowledged(String phase, String kind, String caseId) {
    }

    private final AtomicReference<String> phase = new AtomicReference<>("warm-up");
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    /** Odd while the broker is down: a request that began and ended in the same odd epoch saw only a dead broker. */
    private final AtomicLong brokerEpoch = new AtomicLong();

    void phase(String name) {
        phase.set(name);
    }

    String phase() {
        return phase.get();
    }

    void brokerDown() {
        if (brokerEpoch.get() % 2 == 0) {
            brokerEpoch.incrementAndGet();
        }
    }

    void brokerUp() {
        if (brokerEpoch.get() % 2 == 1) {
            brokerEpoch.incrementAndGet();
        }
    }

    long brokerEpoch() {
        return brokerEpoch.get();
    }

    void acknowledged(String kind, String caseId) {
        acknowledged.add(new Acknowledged(phase.get(), kind, caseId));
    }

    /** Records an answer; {@code epochAtStart} is {@link #brokerEpoch()} when the request was sent. */
    void answered(String what, Http.Response response, long epochAtStart) {
        statuses.computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
        if (response.serverError() && response.status() != 503) {
            violations.add(phase.get() + ": " + what + " answered " + response.status() + " " + abbreviate(response.body()));
        }
        if (response.status() == 503 && response.retryAfter().isEmpty()) {
            violations.add(phase.get() + ": " + what + " answered 503 without Retry-After");
        }
        boolean wholeRequestWhileBrokerDown = epochAtStart % 2 == 1 && brokerEpoch.get() == epochAtStart;
        if (wholeRequestWhileBrokerDown && response.status() == 202) {
            violations.add(phase.get() + ": " + what + " answered 202 while the broker was down");
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Acknowledged> acknowledgedIn(String phaseName) {
        return acknowledged.stream().filter(a -> a.phase().equals(phaseName)).toList();
    }

    /** Status → count of the answers given in the phase. */
    Map<Integer, Long> statuses(String phaseName) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.getOrDefault(phaseName, Map.of()).forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    List<String> violationsIn(String phaseName) {
        List<String> found = new ArrayList<>();
        for (String v : violations) {
            if (v.startsWith(phaseName + ": ")) {
                found.add(v);
            }
        }
        return found;
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
