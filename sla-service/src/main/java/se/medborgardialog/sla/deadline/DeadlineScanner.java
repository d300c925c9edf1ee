package se.medborgardialog.sla.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Breaches running clocks whose deadline passed without an answer. */
@Component
public class DeadlineScanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    private final DeadlineClocks clocks;

    public DeadlineScanner(DeadlineClocks clocks) {
        this.clocks = clocks;
    }

    @Scheduled(fixedDelayString = "${sla.scan-interval:PT1S}", initialDelayString = "${sla.scan-interval:PT1S}")
    public void scan() {
        try {
            int breached = clocks.breachOverdue();
            if (breached > 0) {
                log.info("Scan breached {} deadline(s)", breached);
            }
        } catch (RuntimeException e) {
            // The next scan tries again; a failing store must not stop the schedule.
            log.warn("Deadline scan failed: {}", e.toString());
        }
    }
}
