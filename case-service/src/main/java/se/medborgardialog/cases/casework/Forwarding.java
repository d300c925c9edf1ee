package se.medborgardialog.cases.casework;

import java.time.Instant;

/** The case moved from one unit to another. The reason may hold personal data: encrypted at rest, never in events. */
public record Forwarding(String fromUnit, String toUnit, String reason, String forwardedBy, Instant forwardedAt) {
}
