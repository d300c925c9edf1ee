package se.medborgardialog.reporting.exactness;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CountGranularity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every night the previous month is reconciled with the case store
 * ({@code reporting.reconciliation.nightly-cron}, Stockholm time; {@code -} turns it off), and every
 * {@code reporting.reconciliation.finish-interval} the reconciliations of the last day that nobody has looked at are
 * compared once they can be. The gauge {@code medborgardialog.reporting.reconciliation.differences} is the number of
 * differences the latest finished reconciliation found (NaN before the first).
 */
@Component
@EnableScheduling
class NightlyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final CaseStoreReconciliation reconciliation;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    NightlyReconciliation(CaseStoreReconciliation reconciliation, MongoTemplate mongo, JsonMapper json, Clock clock,
            MeterRegistry registry) {
        this.reconciliation = reconciliation;
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        Gauge.builder("medborgardialog.reporting.reconciliation.differences", this,
                        NightlyReconciliation::latestDifferences)
                .description("Differences between the aggregates and case-service's store in the latest reconciliation")
                .register(registry);
    }

    @Scheduled(cron = "${reporting.reconciliation.nightly-cron:0 30 2 * * *}", zone = "Europe/Stockholm")
    void reconcileLastMonth() {
        YearMonth lastMonth = YearMonth.now(clock.withZone(STOCKHOLM)).minusMonths(1);
        try {
            reconciliation.request(lastMonth.atDay(1), lastMonth.atEndOfMonth(), CountGranularity.MONTH);
        } catch (RuntimeException e) {
            log.warn("The nightly reconciliation of {} could not be requested: {}", lastMonth, e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${reporting.reconciliation.finish-interval:30s}",
            initialDelayString = "${reporting.reconciliation.finish-interval:30s}")
    void finishPending() {
        Date since = Date.from(clock.instant().minus(Duration.ofDays(1)));
        for (Document pending : mongo.getCollection(CaseStoreReconciliation.COLLECTION).find(Filters.and(
                Filters.exists("result", false), Filters.exists("answer", true), Filters.gte("requestedAt", since)))) {
            try {
                reconciliation.view(pending.getString("_id"));
            } catch (RuntimeException e) {
                log.warn("Reconciliation {} not compared yet: {}", pending.getString("_id"), e.getMessage());
            }
        }
    }

    private double latestDifferences() {
        Document latest = mongo.getCollection(CaseStoreReconciliation.COLLECTION)
                .find(Filters.exists("result", true)).sort(Sorts.descending("requestedAt")).first();
        if (latest == null) {
            return Double.NaN;
        }
        return json.readValue(latest.getString("result"), CaseStoreReconciliation.Result.class).differences();
    }
}
