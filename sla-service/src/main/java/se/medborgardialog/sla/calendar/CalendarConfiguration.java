package se.medborgardialog.sla.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.medborgardialog.workingdays.SwedishCalendar;
import se.medborgardialog.workingdays.SwedishCalendar.NonWorkingDay;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * The shared working-day library: the one calendar the deadlines and the public endpoints use, by rule
     * plus the municipality's configured closed days. Read once at start-up; when it differs from the list the open
     * clocks were counted on, {@link CalendarChanges} counts them again.
     */
    @Bean
    SwedishCalendar swedishCalendar(CalendarProperties properties) {
        var extra = properties.closedDays().stream().map(day -> new NonWorkingDay(day.date(), day.name())).toList();
        if (!extra.isEmpty()) {
            log.info("Calendar: {} closed day(s) besides the rules: {}", extra.size(),
                    extra.stream().map(NonWorkingDay::date).toList());
        }
        return new SwedishCalendar(extra);
    }
}
