package se.medborgardialog.sla;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SlaApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaApplication.class, args);
    }

    /**
     * Everything that needs "now" takes this clock, so tests move time instead of sleeping. {@code sla.clock.offset}
     * (zero unless set) runs the service at another time: the benchmark uses it to have a day's clocks fall due a
     * minute after start (every clock is due at the end of a Stockholm day).
     */
    @Bean
    Clock clock(@Value("${sla.clock.offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
