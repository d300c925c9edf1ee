package se.medborgardialog.sla.guarantee;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When a running clock warns that its case is at risk: at a share of its time ({@code 50%}, {@code 80%}) or a time
 * before it runs out ({@code PT2H}).
 *
 * @param text    as written (the event's {@code point})
 * @param percent 1..99 for a share; 0 for a time before
 * @param before  for a time before; null for a share
 */
public record WarningPoint(String text, int percent, Duration before) {

    /** @throws IllegalArgumentException with a Swedish message */
    public static WarningPoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("saknas: ange t.ex. 50% eller PT2H");
        }
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        if (normalised.endsWith("%")) {
            try {
                int percent = Integer.parseInt(normalised.substring(0, normalised.length() - 1).strip());
                if (percent < 1 || percent > 99) {
                    throw new IllegalArgumentException("andelen måste vara 1–99 %, var " + text.strip());
                }
                return new WarningPoint(percent + "%", percent, null);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ogiltig andel '" + text.strip() + "': ange t.ex. 80%");
            }
        }
        try {
            Duration before = Duration.parse(normalised);
            if (before.isNegative() || before.isZero()) {
                throw new IllegalArgumentException("tiden före måste vara positiv, var " + text.strip());
            }
            return new WarningPoint(normalised, 0, before);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ogiltig varningspunkt '" + text.strip() + "': ange t.ex. 50%, 80% eller PT2H");
        }
    }

    /** The instant the point is reached for a clock counting from {@code start} to {@code dueAt}. */
    public Instant at(Instant start, Instant dueAt) {
        if (before != null) {
            return dueAt.minus(before);
        }
        long millis = Duration.between(start, dueAt).toMillis();
        return start.plusMillis(millis * percent / 100);
    }

    @Override
    public String toString() {
        return text;
    }
}
