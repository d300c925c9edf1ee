package se.medborgardialog.intake.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The municipality's own closed days ({@code intake.calendar.closed-days: [{date, name}]}), on top of the Swedish
 * calendar by rule: the same list as sla-service's {@code sla.calendar.closed-days}, so the date a receipt promises
 * is the date the clock is due. Read at start-up; {@link SwedishCalendar} refuses a blank name or a date given twice.
 */
@ConfigurationProperties("intake.calendar")
public record CalendarProperties(@DefaultValue List<SwedishCalendar.NonWorkingDay> closedDays) {

    /** The one calendar of intake-service: receipts' answer dates and the felanmälan's handled-by date. */
    public SwedishCalendar calendar() {
        return new SwedishCalendar(closedDays);
    }
}
