package se.medborgardialog.sla.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import se.medborgardialog.sla.calendar.CalendarProperties.ClosedDay;
import se.medborgardialog.sla.deadline.DeadlineClocks;

/**
 * Notices at start-up that the municipality's closed days ({@code sla.calendar.closed-days}) are not those the open
 * clocks were counted on, and has every open clock in working days counted again on the new calendar: each one whose
 * due date moves publishes {@code DeadlineRescheduled} with the reason in Swedish, which case-service writes into the
 * case's history. The calendar last applied is kept in the store (collection {@code calendar_state}), written after
 * the clocks, so a crash half-way counts again at the next start (a clock already counted on this calendar is not
 * moved twice: {@link se.medborgardialog.sla.deadline.Deadline#recount}).
 */
@Component
class CalendarChanges {

    private static final Logger log = LoggerFactory.getLogger(CalendarChanges.class);
    static final String STATE_ID = "closed-days";

    private final CalendarProperties properties;
    private final DeadlineClocks clocks;
    private final MongoOperations mongo;
    private final Clock clock;

    CalendarChanges(CalendarProperties properties, DeadlineClocks clocks, MongoOperations mongo, Clock clock) {
        this.properties = properties;
        this.clocks = clocks;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The closed days a clock was last counted on, by date. */
    @Document("calendar_state")
    record CalendarState(@Id String id, String fingerprint, List<ClosedDay> closedDays) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyAtStartUp() {
        apply();
    }

    /** @return how many clocks moved */
    int apply() {
        List<ClosedDay> now = properties.closedDays();
        String fingerprint = fingerprint(now);
        CalendarState applied = mongo.findById(STATE_ID, CalendarState.class);
        if (applied == null) {
            // First start with this feature: the open clocks were counted on the configured days.
            mongo.save(new CalendarState(STATE_ID, fingerprint, now));
            return 0;
        }
        if (applied.fingerprint().equals(fingerprint)) {
            return 0;
        }
        String reason = reason(applied.closedDays(), now);
        log.info("The municipality's closed days changed ({}): counting the open clocks again", reason);
        int moved = clocks.calendarChanged(fingerprint, reason);
        mongo.save(new CalendarState(STATE_ID, fingerprint, now));
        log.info("Calendar change applied at {}: {} clock(s) moved", clock.instant(), moved);
        return moved;
    }

    /** A stable name of a list of closed days, whatever their order. */
    static String fingerprint(List<ClosedDay> days) {
        String text = days.stream().sorted(Comparator.comparing(ClosedDay::date))
                .map(day -> day.date() + "=" + day.name()).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What changed, in Swedish, as the case history shows it: days closed and days open again. */
    static String reason(List<ClosedDay> before, List<ClosedDay> after) {
        Map<LocalDate, String> was = byDate(before);
        Map<LocalDate, String> is = byDate(after);
        List<String> changes = new ArrayList<>();
        is.forEach((date, name) -> {
            if (!was.containsKey(date)) {
                changes.add(date + " (" + name + ") är nu stängd");
            }
        });
        was.forEach((date, name) -> {
            if (!is.containsKey(date)) {
                changes.add(date + " (" + name + ") är inte längre stängd");
            }
        });
        return changes.isEmpty() ? "Kommunens kalender ändrades"
                : "Kommunens kalender ändrades: " + String.join("; ", changes);
    }

    private static Map<LocalDate, String> byDate(List<ClosedDay> days) {
        Map<LocalDate, String> map = new TreeMap<>();
        days.forEach(day -> map.put(day.date(), day.name()));
        return map;
    }
}
