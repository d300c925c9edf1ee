package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import java.util.Objects;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * Receipt dates {@code from} to {@code to}, both inclusive; {@code kind}, {@code category} and {@code unit}
 * narrow it when not null, and {@code scope} limits it to the units the reader may see.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, SynpunktKind kind, String category, String unit,
                              UnitScope scope) {

    public StatisticsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(scope, "scope");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
    }
}
