package se.medborgardialog.sla.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The municipality's own closed days, on top of the Swedish calendar by rule.
 *
 * @param closedDays days the municipality closes (a klämdag, a local holiday), each with its Swedish name;
 *                   none by default
 */
@ConfigurationProperties("sla.calendar")
public record CalendarProperties(@DefaultValue List<ClosedDay> closedDays) {

    public CalendarProperties {
        closedDays = List.copyOf(closedDays);
        Set<LocalDate> seen = new HashSet<>();
        for (ClosedDay day : closedDays) {
            if (!seen.add(day.date())) {
                throw new IllegalArgumentException("sla.calendar.closed-days lists " + day.date() + " twice");
            }
        }
    }

    /**
     * @param date an ISO date, e.g. 2027-05-07
     * @param name the Swedish name shown in the calendar, e.g. "Klämdag efter Kristi himmelsfärds dag"
     */
    public record ClosedDay(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String name) {

        public ClosedDay {
            if (date == null) {
                throw new IllegalArgumentException("sla.calendar.closed-days: every closed day needs a date (yyyy-MM-dd)");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("sla.calendar.closed-days: the closed day " + date + " needs a name");
            }
            name = name.strip();
        }
    }
}
