package se.medborgardialog.sla.watch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One clock as the page and the live stream show it: every text already in Swedish, the due time in Stockholm time.
 *
 * @param rowId    {@code <case id>:<clock>}, the row's key on the page
 * @param dueAtMs  the due time in epoch milliseconds, for ordering on the page; 0 when unknown
 * @param atMs     the time of the change it shows, in epoch milliseconds; the page ignores an older one
 */
public record WatchRow(String rowId, String caseId, String caseShort, String caseUrl, String clock, String unit,
        String unitName, String guaranteeTitle, Integer guaranteeVersion, String guaranteeText, String dueText,
        long dueAtMs, String state, String stateText, String stateClass, long atMs) {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("sv-SE"));

    static WatchRow of(WatchedClock clock, WatchProperties properties) {
        return of(clock.caseId(), clock.clock(), clock.unit(), clock.guaranteeTitle() != null ? clock.guaranteeTitle()
                : clock.guaranteeKey(), clock.guaranteeVersion(), clock.dueAt(), clock.state(), clock.lastEventAt(),
                properties);
    }

    static WatchRow of(ClockChange change, WatchProperties properties) {
        return of(change.caseId().toString(), change.clock(), change.unit(), change.guaranteeTitle(),
                change.guarantee() == null ? null : change.guarantee().version(), change.dueAt(), change.state(),
                change.at(), properties);
    }

    private static WatchRow of(String caseId, String clock, String unit, String title, Integer version, Instant dueAt,
            WatchState state, Instant at, WatchProperties properties) {
        return new WatchRow(caseId + ":" + clock, caseId, caseId.substring(0, Math.min(8, caseId.length())),
                properties.caseUrl(caseId), clock, unit, properties.unitName(unit), title, version,
                version == null ? title : title + " (version " + version + ")", dueText(dueAt),
                dueAt == null ? 0 : dueAt.toEpochMilli(), state == null ? null : state.name(),
                state == null ? null : state.words(), state == null ? null : state.cssClass(),
                at == null ? 0 : at.toEpochMilli());
    }

    /** "25 nov. 2026 kl. 23:59", Stockholm time; a dash when unknown. */
    public static String dueText(Instant dueAt) {
        return dueAt == null ? "–" : DUE.format(dueAt.atZone(STOCKHOLM));
    }
}
