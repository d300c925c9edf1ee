package se.medborgardialog.intake;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import se.medborgardialog.intake.calendar.CalendarProperties;
import se.medborgardialog.workingdays.SwedishCalendar;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SwedishCalendar swedishCalendar(CalendarProperties calendar) {
        return calendar.calendar();
    }
}
