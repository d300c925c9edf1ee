package se.medborgardialog.reporting.facts;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the aggregates are counted with.
 *
 * @param municipality the municipality the figures are of (one service counts one municipality)
 * @param namnder      unit → the nämnd it answers to; a unit not listed has no nämnd ("")
 * @param calendar     the municipality's own closed days, the same list as {@code sla.calendar.closed-days}, so
 *                     time to first answer in working days counts the days sla-service counts
 */
@ConfigurationProperties("reporting")
public record CountingProperties(@DefaultValue("Exempelkommun") String municipality,
                                 @DefaultValue Map<String, String> namnder,
                                 @DefaultValue Calendar calendar) {

    public CountingProperties {
        namnder = Map.copyOf(namnder);
    }

    public record Calendar(@DefaultValue List<ClosedDay> closedDays) {

        public Calendar {
            closedDays = List.copyOf(closedDays);
            Set<LocalDate> seen = new HashSet<>();
            for (ClosedDay day : closedDays) {
                if (day.date() == null || day.name() == null || day.name().isBlank()) {
                    throw new IllegalArgumentException("reporting.calendar.closed-days: every day needs a date and a name");
                }
                if (!seen.add(day.date())) {
                    throw new IllegalArgumentException("reporting.calendar.closed-days lists " + day.date() + " twice");
                }
            }
        }
    }

    public record ClosedDay(LocalDate date, String name) {
    }
}
