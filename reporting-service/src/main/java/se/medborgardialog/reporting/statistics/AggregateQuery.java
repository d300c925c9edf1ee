package se.medborgardialog.reporting.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query of the aggregates: the periods that {@code from} and {@code to} fall in (widened to whole periods), the
 * filters (dimension → value), the dimensions to group by, and the units the reader may see.
 */
public record AggregateQuery(PeriodLength period, LocalDate from, LocalDate to, Map<Dimension, String> filters,
                             List<Dimension> groupBy, UnitScope scope, boolean publicExport) {

    public AggregateQuery {
        Objects.requireNonNull(period, "period");
        from = period.start(from);
        to = period.end(period.start(to));
        filters = Map.copyOf(filters);
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(scope, "scope");
    }
}
