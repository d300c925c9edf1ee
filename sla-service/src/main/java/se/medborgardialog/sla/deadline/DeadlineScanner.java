package se.medborgardialog.sla.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net behind the timer: rarely ({@code sla.scan-interval}, an hour by default) breaches running clocks
 * whose deadline passed without an answer. The timer fires them on time from its in-memory index; this scan is a
 * query over the whole store (the embedded store ignores the index on status and due time), so it runs rarely.
 */
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
