package se.medborgardialog.sla.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.medborgardialog.workingdays.SwedishCalendar;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** The shared working-day library: the one calendar the deadlines and the public endpoints use. */
    @Bean
    SwedishCalendar swedishCalendar() {
        return new SwedishCalendar();
    }
}
