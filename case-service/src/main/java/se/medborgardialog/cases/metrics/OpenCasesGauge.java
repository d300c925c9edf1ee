package se.medborgardialog.cases.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.cases.casework.CaseStore;

/**
 * {@code medborgardialog.cases.open} tagged {@code unit}, counted in the store (not in memory) so it is right with
 * several instances and after restarts; refreshed on a schedule.
 */
@Component
class OpenCasesGauge {

    private final CaseStore store;
    private final MultiGauge gauge;

    OpenCasesGauge(CaseStore store, MeterRegistry meters) {
        this.store = store;
        this.gauge = MultiGauge.builder("medborgardialog.cases.open")
                .description("Cases still to be answered per unit: open or waiting for the citizen")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${cases.metrics.open-cases-refresh:30s}")
    void refresh() {
        gauge.register(store.openCasesPerUnit().entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("unit", entry.getKey()), entry.getValue()))
                .toList(), true);
    }
}
