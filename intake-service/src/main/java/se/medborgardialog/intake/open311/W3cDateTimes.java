package se.medborgardialog.intake.open311;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GeoReport v2's dates: W3C date-times (ISO 8601 with an offset, e.g. {@code 2026-11-23T11:00:00+01:00} or
 * {@code …Z}) in and out. Read leniently, as clients send them: seconds and fractions optional, a date-time
 * without an offset or a bare date is Swedish time, and a {@code +} that arrived as a space (an unencoded query
 * string) is read as the {@code +} it was. Written with the Stockholm offset, to the second.
 */
final class W3cDateTimes {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** "…T10:00:00 01:00": a "+" decoded to a space in front of the offset. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}:?\\d{2})$");

    private W3cDateTimes() {
    }

    /**
     * @param endOfDay for a bare date: true reads it as the last instant of that day (an inclusive end_date),
     *                 false as its first
     * @return the instant, or empty when the text is not a date-time at all
     */
    static Optional<Instant> parse(String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String given = SPACE_FOR_PLUS.matcher(text.strip()).replaceFirst("$1+$2");
        try {
            return Optional.of(OffsetDateTime.parse(given).toInstant());
        } catch (DateTimeException notWithOffset) {
            // Try the next form.
        }
        try {
            return Optional.of(LocalDateTime.parse(given).atZone(STOCKHOLM).toInstant());
        } catch (DateTimeException notLocal) {
            // Try the next form.
        }
        try {
            LocalDate date = LocalDate.parse(given);
            return Optional.of(endOfDay
                    ? date.plusDays(1).atStartOfDay(STOCKHOLM).toInstant().minusNanos(1)
                    : date.atStartOfDay(STOCKHOLM).toInstant());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /** e.g. {@code 2026-11-23T11:00:00+01:00}; null stays null. */
    static String format(Instant instant) {
        return instant == null ? null
                : instant.truncatedTo(ChronoUnit.SECONDS).atZone(STOCKHOLM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
