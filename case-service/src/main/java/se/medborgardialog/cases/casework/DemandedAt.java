package se.medborgardialog.cases.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import se.medborgardialog.cases.web.InvalidFieldException;

/** When a demand for a decision reached the municipality, as typed: an instant, a Swedish date-time, or a date. */
final class DemandedAt {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private DemandedAt() {
    }

    /** @return null for a blank value (now) */
    static Instant parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(STOCKHOLM).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(STOCKHOLM).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new InvalidFieldException("demandedAt",
                    "Ange datumet som 2026-11-30 (eller en tidpunkt som 2026-11-30T10:15).");
        }
    }
}
