package se.medborgardialog.sla.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watch's metrics: {@code medborgardialog.sla.at_risk} and {@code medborgardialog.sla.breached_open} per unit and
 * guarantee, read from the read model every {@code sla.watch.metrics-interval} (so every instance reports the same
 * numbers: take {@code max}, not {@code sum}, across instances), and {@code medborgardialog.sla.breaches} per
 * guarantee, counted once per clock when the read model first records its breach (sum across instances).
 */
@Component
public class WatchMetrics {

    private static final Logger log = LoggerFactory.getLogger(WatchMetrics.class);

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final MultiGauge atRisk;
    private final MultiGauge breachedOpen;

    WatchMetrics(MeterRegistry registry, MongoTemplate mongo) {
        this.registry = registry;
        this.mongo = mongo;
        this.atRisk = MultiGauge.builder("medborgardialog.sla.at_risk")
                .description("Clocks at risk (a warning point reached), per unit and guarantee")
                .register(registry);
        this.breachedOpen = MultiGauge.builder("medborgardialog.sla.breached_open")
                .description("Breached clocks whose case is not yet answered, per unit and guarantee")
                .register(registry);
    }

    void breached(String guarantee) {
        Counter.builder("medborgardialog.sla.breaches")
                .description("Breaches per guarantee, counted once per clock")
                .tag("guarantee", guarantee)
                .register(registry)
                .increment();
    }

    /** Reads the counts of the clocks on the managers' lists; a failure keeps the last numbers. */
    @Scheduled(fixedDelayString = "${sla.watch.metrics-interval:PT15S}", initialDelay = 0)
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> risk = new ArrayList<>();
            List<MultiGauge.Row<?>> breached = new ArrayList<>();
            Aggregation counts = Aggregation.newAggregation(
                    Aggregation.match(new Criteria().orOperator(
                            Criteria.where("state").is(WatchState.AT_RISK),
                            Criteria.where("state").is(WatchState.BREACHED).and("caseEndedAt").is(null))),
                    Aggregation.group("unit", "guaranteeKey", "state").count().as("count"));
            for (Document row : mongo.aggregate(counts, WatchedClock.class, Document.class).getMappedResults()) {
                Document id = row.get("_id", Document.class);
                Tags tags = Tags.of("unit", String.valueOf(id.get("unit")),
                        "guarantee", String.valueOf(id.get("guaranteeKey")));
                long count = ((Number) row.get("count")).longValue();
                (WatchState.AT_RISK.name().equals(id.get("state")) ? risk : breached)
                        .add(MultiGauge.Row.of(tags, count));
            }
            atRisk.register(risk, true);
            breachedOpen.register(breached, true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the watch's gauges: {}", e.toString());
        }
    }
}
