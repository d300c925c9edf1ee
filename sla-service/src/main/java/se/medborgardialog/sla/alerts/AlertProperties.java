package se.medborgardialog.sla.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert mails to the units' managers ({@code sla.alerts.*}). The SMTP server is Boot's {@code spring.mail.host} and
 * {@code spring.mail.port}; without one, alerts wait in {@code sent_alerts} until there is one.
 *
 * @param recipients    per unit, the managers' addresses: {@code {stadsmiljo: [chef@kommun.se]}}; a unit without any
 *                      gets no mail
 * @param from          the sender, a no-reply address
 * @param quietHours    {@code 22:00–07:00} (en dash or hyphen), Europe/Stockholm: alerts are held and sent as one
 *                      mail per recipient when the quiet hours end; empty for none
 * @param digest        one mail a day per recipient instead of one per alert
 * @param relayInterval how often held alerts that are due, and alerts left pending, are sent
 * @param relayGrace    how old a pending alert must be before the relay takes it (leaves the consumer's own send alone)
 */
@ConfigurationProperties("sla.alerts")
public record AlertProperties(@DefaultValue Map<String, List<String>> recipients,
        @DefaultValue("no-reply@exempelkommun.se") String from, @DefaultValue("22:00–07:00") String quietHours,
        @DefaultValue Digest digest, @DefaultValue("PT1M") Duration relayInterval,
        @DefaultValue("PT30S") Duration relayGrace) {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    public AlertProperties {
        quietHoursStart(quietHours);
    }

    /**
     * @param enabled instead of a mail per alert, one mail per recipient a day at {@code at}, with the warnings and
     *                breaches since the last one
     * @param at      the time of day, Europe/Stockholm, e.g. {@code 07:30}
     */
    public record Digest(@DefaultValue("false") boolean enabled, @DefaultValue("07:30") String at) {

        public Digest {
            time(at);
        }

        LocalTime time() {
            return time(at);
        }

        private static LocalTime time(String at) {
            try {
                return LocalTime.parse(at.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("sla.alerts.digest.at must be a time of day like 07:30, not: " + at, e);
            }
        }
    }

    List<String> recipientsOf(String unit) {
        return recipients.getOrDefault(unit, List.of());
    }

    /** When an alert arriving at {@code now} may be sent: {@code now} itself, or later for quiet hours or a digest. */
    Instant releaseAt(Instant now) {
        ZonedDateTime local = now.atZone(STOCKHOLM);
        if (digest.enabled()) {
            return next(local, digest.time());
        }
        LocalTime[] quiet = quietHoursStart(quietHours);
        if (quiet == null || quiet[0].equals(quiet[1])) {
            return now;
        }
        LocalTime time = local.toLocalTime();
        boolean inside = quiet[0].isBefore(quiet[1])
                ? !time.isBefore(quiet[0]) && time.isBefore(quiet[1])
                : !time.isBefore(quiet[0]) || time.isBefore(quiet[1]);
        return inside ? next(local, quiet[1]) : now;
    }

    private static Instant next(ZonedDateTime local, LocalTime at) {
        LocalDate day = local.toLocalTime().isBefore(at) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, at, STOCKHOLM).toInstant();
    }

    /** Start and end of the quiet hours, or null for none. */
    private static LocalTime[] quietHoursStart(String quietHours) {
        if (quietHours == null || quietHours.isBlank()) {
            return null;
        }
        String[] parts = quietHours.split("[–-]");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("two times expected", quietHours, 0);
            }
            return new LocalTime[] {LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "sla.alerts.quiet-hours must be like 22:00–07:00 (or empty for none), not: " + quietHours, e);
        }
    }
}
