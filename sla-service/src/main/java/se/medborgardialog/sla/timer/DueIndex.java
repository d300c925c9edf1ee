package se.medborgardialog.sla.timer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The clocks of one partition by the instant they next need attention: (fireAt, clockId), earliest first, one entry
 * per clock. Times are kept in epoch milliseconds; an entry is due once the time is after its millisecond. Clocks due
 * in the same millisecond (every clock due at the end of the same day) share one bucket. Not thread-safe: its owner
 * guards it.
 */
final class DueIndex {

    /** A clock taken from the index because it is due. */
    record Due(String clockId, long fireAtMillis) {
    }

    private final TreeMap<Long, Set<String>> byTime = new TreeMap<>();
    private final Map<String, Long> byClock = new HashMap<>();

    /** Indexes {@code clockId} at {@code fireAt}, replacing its earlier entry; a null {@code fireAt} removes it. */
    void put(String clockId, Instant fireAt) {
        if (fireAt == null) {
            remove(clockId);
            return;
        }
        long at = fireAt.toEpochMilli();
        Long before = byClock.put(clockId, at);
        if (before != null) {
            if (before == at) {
                return;
            }
            removeFromBucket(before, clockId);
        }
        byTime.computeIfAbsent(at, key -> new HashSet<>()).add(clockId);
    }

    /** Indexes {@code clockId} at {@code fireAtMillis} only if it has no entry (a batch that failed goes back). */
    void putIfAbsent(String clockId, long fireAtMillis) {
        if (!byClock.containsKey(clockId)) {
            byClock.put(clockId, fireAtMillis);
            byTime.computeIfAbsent(fireAtMillis, key -> new HashSet<>()).add(clockId);
        }
    }

    void remove(String clockId) {
        Long before = byClock.remove(clockId);
        if (before != null) {
            removeFromBucket(before, clockId);
        }
    }

    /** The earliest entry's time, or null when empty. */
    Instant head() {
        return byTime.isEmpty() ? null : Instant.ofEpochMilli(byTime.firstKey());
    }

    /** Removes and returns up to {@code max} entries due at {@code now} (their time before now), earliest first. */
    List<Due> takeDue(Instant now, int max) {
        long nowMillis = now.toEpochMilli();
        List<Due> due = new ArrayList<>();
        while (due.size() < max && !byTime.isEmpty() && byTime.firstKey() < nowMillis) {
            Map.Entry<Long, Set<String>> bucket = byTime.firstEntry();
            Iterator<String> clocks = bucket.getValue().iterator();
            while (due.size() < max && clocks.hasNext()) {
                String clockId = clocks.next();
                clocks.remove();
                byClock.remove(clockId);
                due.add(new Due(clockId, bucket.getKey()));
            }
            if (bucket.getValue().isEmpty()) {
                byTime.pollFirstEntry();
            }
        }
        return due;
    }

    int size() {
        return byClock.size();
    }

    private void removeFromBucket(long at, String clockId) {
        Set<String> bucket = byTime.get(at);
        if (bucket != null && bucket.remove(clockId) && bucket.isEmpty()) {
            byTime.remove(at);
        }
    }
}
