package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.sla.deadline.PendingEvent.Kind;
import se.medborgardialog.sla.guarantee.WarningPoint;

/**
 * A running clock as the timer's due index keeps it: everything firing needs, so firing reads nothing. The clock's
 * id, name and unit, its due time, its terms (one shared instance per guarantee and version), how many pauses it had,
 * the warning points still to come (before the due time, earliest first) and the version it was indexed at.
 * {@link #fire} does what {@link Deadline#fire} does, with the same event ids and payloads.
 */
public final class ClockEntry {

    private static final ConcurrentMap<ClockTerms, ClockTerms> TERMS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, String> NAMES = new ConcurrentHashMap<>();
    private static final String[] NO_POINTS = {};
    private static final Instant[] NO_TIMES = {};

    private final String id;
    private final String clock;
    private final String unit;
    private final Instant dueAt;
    private final ClockTerms terms;
    private final int pauses;
    private final String[] points;
    private final Instant[] pointTimes;
    private final long version;

    private ClockEntry(String id, String clock, String unit, Instant dueAt, ClockTerms terms, int pauses,
                       String[] points, Instant[] pointTimes, long version) {
        this.id = id;
        this.clock = clock;
        this.unit = unit;
        this.dueAt = dueAt;
        this.terms = terms;
        this.pauses = pauses;
        this.points = points;
        this.pointTimes = pointTimes;
        this.version = version;
    }

    /** The entry of a running clock; null for a paused or stopped one (nothing to fire). */
    public static ClockEntry of(Deadline deadline) {
        if (deadline.nextFireAt() == null) {
            return null;
        }
        List<WarningPoint> coming = deadline.unwarnedPoints().stream()
                .filter(p -> deadline.pointAt(p).isBefore(deadline.dueAt()))
                .sorted(Comparator.comparing(deadline::pointAt)).toList();
        String[] points = coming.isEmpty() ? NO_POINTS : coming.stream().map(WarningPoint::text).toArray(String[]::new);
        Instant[] times = coming.isEmpty() ? NO_TIMES : coming.stream().map(deadline::pointAt).toArray(Instant[]::new);
        ClockTerms terms = deadline.terms() == null ? null : TERMS.computeIfAbsent(deadline.terms(), t -> t);
        String unit = deadline.unit() == null ? null : NAMES.computeIfAbsent(deadline.unit(), u -> u);
        return new ClockEntry(deadline.id(), NAMES.computeIfAbsent(deadline.clock(), c -> c), unit, deadline.dueAt(),
                terms, deadline.pauses().size(), points, times, deadline.version());
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return id.substring(0, id.length() - clock.length() - 1);
    }

    public String clock() {
        return clock;
    }

    /** The next instant the clock needs attention (epoch milliseconds): its next warning point, else its due time. */
    public long fireAtMillis() {
        return (points.length > 0 ? pointTimes[0] : dueAt).toEpochMilli();
    }

    public long version() {
        return version;
    }

    /** The guarantee clock's due time (epoch milliseconds). */
    public long dueAtMillis() {
        return dueAt.toEpochMilli();
    }

    /** What firing the clock at {@code now} publishes and records, and the entry that follows (null once breached). */
    Fired fire(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        String caseId = caseId();
        CaseId typed = new CaseId(UUID.fromString(caseId));
        if (at.isAfter(dueAt)) {
            String eventId = Deadline.eventId(caseId, clock, Kind.BREACHED);
            return new Fired(this, List.of(new OutgoingEvent(caseId, eventId, EventTypes.DEADLINE_BREACHED, at,
                    DeadlineEvents.breached(typed, clock, unit, dueAt, at, terms))),
                    List.of(new Firing(eventId, id, Kind.BREACHED, null, at, version)), null);
        }
        int reached = 0;
        while (reached < points.length && !pointTimes[reached].isAfter(at)) {
            reached++;
        }
        if (reached == 0) {
            return new Fired(this, List.of(), List.of(), this);
        }
        List<OutgoingEvent> events = new ArrayList<>(reached);
        List<Firing> firings = new ArrayList<>(reached);
        for (int i = 0; i < reached; i++) {
            String eventId = Deadline.warningEventId(caseId, clock, points[i], pauses);
            events.add(new OutgoingEvent(caseId, eventId, EventTypes.DEADLINE_WARNING, at,
                    DeadlineEvents.warning(typed, clock, unit, terms, points[i], dueAt, at)));
            firings.add(new Firing(eventId, id, Kind.WARNING, points[i], at, version));
        }
        ClockEntry next = new ClockEntry(id, clock, unit, dueAt, terms, pauses,
                Arrays.copyOfRange(points, reached, points.length), Arrays.copyOfRange(pointTimes, reached, points.length),
                version + 1);
        return new Fired(this, events, firings, next);
    }

    /** One entry fired: its events, their records, and the entry that replaces it (null: none, it is breached). */
    record Fired(ClockEntry entry, List<OutgoingEvent> events, List<Firing> firings, ClockEntry next) {
    }

    /**
     * The entry as the durable copy of the due index stores it ({@code clock_index}): one short string, the terms by
     * guarantee id and version only: {@code clock|due ms|version|unit|guarantee|guarantee version|pauses|points;…|point
     * ms;…} (empty for none). One string, not a sub-document: the embedded store serialises every object of a document,
     * and a string is one. Null when the terms are not exactly a stored guarantee version (the loader then reads the
     * clock's deadline instead).
     */
    public String toStored(GuaranteeTerms guarantees) {
        if (terms != null && !guarantees.isStored(terms)) {
            return null;
        }
        StringBuilder stored = new StringBuilder(64).append(clock).append('|').append(dueAt.toEpochMilli()).append('|')
                .append(version).append('|').append(unit == null ? "" : unit).append('|');
        if (terms != null) {
            stored.append(terms.guaranteeId()).append('|').append(terms.guaranteeVersion());
        } else {
            stored.append('|');
        }
        stored.append('|').append(pauses).append('|').append(String.join(";", points)).append('|');
        for (int i = 0; i < pointTimes.length; i++) {
            stored.append(i == 0 ? "" : ";").append(pointTimes[i].toEpochMilli());
        }
        return stored.toString();
    }

    /**
     * The entry of clock {@code id} from its {@link #toStored} form; null when its guarantee version cannot be found
     * (the loader then reads the deadline).
     */
    public static ClockEntry fromStored(String id, String stored, GuaranteeTerms guarantees) {
        String[] f = stored.split("\\|", -1);
        ClockTerms terms = null;
        if (!f[4].isEmpty()) {
            terms = guarantees.find(f[4], Integer.parseInt(f[5])).orElse(null);
            if (terms == null) {
                return null;
            }
            terms = TERMS.computeIfAbsent(terms, t -> t);
        }
        String[] points = f[7].isEmpty() ? NO_POINTS : f[7].split(";");
        Instant[] pointTimes = f[8].isEmpty() ? NO_TIMES
                : Arrays.stream(f[8].split(";")).map(t -> Instant.ofEpochMilli(Long.parseLong(t))).toArray(Instant[]::new);
        return new ClockEntry(id, NAMES.computeIfAbsent(f[0], c -> c), f[3].isEmpty() ? null : NAMES.computeIfAbsent(f[3], u -> u),
                Instant.ofEpochMilli(Long.parseLong(f[1])), terms, Integer.parseInt(f[6]), points, pointTimes,
                Long.parseLong(f[2]));
    }

    @Override
    public String toString() {
        return id + "@" + Instant.ofEpochMilli(fireAtMillis());
    }
}
