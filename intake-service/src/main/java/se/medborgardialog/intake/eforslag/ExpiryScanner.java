package se.medborgardialog.intake.eforslag;

import java.time.Clock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Closes the signing window of published e-förslag once {@code closesAt} has passed. Safe on every instance. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryScanner {

    private final EforslagService eforslag;
    private final Clock clock;

    ExpiryScanner(EforslagService eforslag, Clock clock) {
        this.eforslag = eforslag;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${intake.eforslag.expiry-scan-interval:PT1M}",
            initialDelayString = "${intake.eforslag.expiry-scan-interval:PT1M}")
    void scan() {
        eforslag.expireDue(clock.instant());
    }
}
