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
import se.medborgardialog.sla.deadline.ClockEntry;

/**
 * The clocks of one partition by the instant they next need attention, earliest first, one {@link ClockEntry} per
 * clock (carrying what firing it needs). Times are kept in epoch milliseconds; an entry is due once the time is after
 * its millisecond. Clocks due in the same millisecond (every clock due at the end of the same day) share one bucket.
 * Not thread-safe: its owner guards it.
 */
final class DueIndex {

    private final TreeMap<Long, Set<ClockEntry>> byTime = new TreeMap<>();
    private final Map<String, ClockEntry> byClock = new HashMap<>();

    /** Indexes {@code entry}, replacing the clock's earlier one. */
    void put(ClockEntry entry) {
        ClockEntry before = byClock.put(entry.id(), entry);
        if (before != null) {
            removeFromBucket(before);
        }
        byTime.computeIfAbsent(entry.fireAtMillis(), key -> new HashSet<>()).add(entry);
    }

    /** Indexes {@code entry} only if its clock has none (a batch that failed goes back). */
    void putIfAbsent(ClockEntry entry) {
        if (!byClock.containsKey(entry.id())) {
            put(entry);
        }
    }

    void remove(String clockId) {
        ClockEntry before = byClock.remove(clockId);
        if (before != null) {
            removeFromBucket(before);
        }
    }

    ClockEntry get(String clockId) {
        return byClock.get(clockId);
    }

    /** The earliest entry's time, or null when empty. */
    Instant head() {
        return byTime.isEmpty() ? null : Instant.ofEpochMilli(byTime.firstKey());
    }

    /** Removes and returns up to {@code max} entries due at {@code now} (their time before now), earliest first. */
    List<ClockEntry> takeDue(Instant now, int max) {
        long nowMillis = now.toEpochMilli();
        List<ClockEntry> due = new ArrayList<>();
        while (due.size() < max && !byTime.isEmpty() && byTime.firstKey() < nowMillis) {
            Map.Entry<Long, Set<ClockEntry>> bucket = byTime.firstEntry();
            Iterator<ClockEntry> entries = bucket.getValue().iterator();
            while (due.size() < max && entries.hasNext()) {
                ClockEntry entry = entries.next();
                entries.remove();
                byClock.remove(entry.id());
                due.add(entry);
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

    private void removeFromBucket(ClockEntry entry) {
        Set<ClockEntry> bucket = byTime.get(entry.fireAtMillis());
        if (bucket != null && bucket.remove(entry) && bucket.isEmpty()) {
            byTime.remove(entry.fireAtMillis());
        }
    }
}
