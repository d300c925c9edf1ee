package se.medborgardialog.sla.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Deadline outcomes, counted when the transition is stored (never per publication, which may repeat). */
@Component
class DeadlineMetrics {

    private final MeterRegistry registry;
    private final AtomicLong running = new AtomicLong();

    DeadlineMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("medborgardialog.deadlines.running", running, AtomicLong::get)
                .description("Deadline clocks still running (refreshed by the scanner)")
                .register(registry);
        // Present from the start, so a dashboard shows 0 rather than no data.
        counter("medborgardialog.deadlines.met", Deadline.FIRST_ANSWER);
        counter("medborgardialog.deadlines.breached", Deadline.FIRST_ANSWER);
    }

    void recorded(Deadline deadline, PendingEvent.Kind kind) {
        recorded(deadline.clock(), kind);
    }

    void recorded(String clock, PendingEvent.Kind kind) {
        switch (kind) {
            case MET -> counter("medborgardialog.deadlines.met", clock).increment();
            case BREACHED -> counter("medborgardialog.deadlines.breached", clock).increment();
            case PAUSED -> counter("medborgardialog.deadlines.paused", clock).increment();
            case RESUMED -> counter("medborgardialog.deadlines.resumed", clock).increment();
            case WARNING -> counter("medborgardialog.deadlines.warnings", clock).increment();
            case RESCHEDULED -> counter("medborgardialog.deadlines.rescheduled", clock).increment();
            case SCHEDULED -> {
            }
        }
    }

    void running(long count) {
        running.set(count);
    }

    private Counter counter(String name, String clock) {
        return Counter.builder(name).tag("clock", clock).register(registry);
    }
}
