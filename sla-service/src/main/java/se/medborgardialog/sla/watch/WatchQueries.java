package se.medborgardialog.sla.watch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What the watch page shows for a manager's units, read from the read model. */
@Component
public class WatchQueries {

    private final MongoTemplate mongo;
    private final WatchProperties properties;
    private final Clock clock;

    WatchQueries(MongoTemplate mongo, WatchProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The breached clocks whose case is still open, the longest overdue first. */
    public List<WatchRow> breached(Collection<String> units) {
        return rows(Criteria.where("unit").in(units).and("state").is(WatchState.BREACHED).and("caseEndedAt").is(null));
    }

    /** The clocks at risk, the soonest due first. */
    public List<WatchRow> atRisk(Collection<String> units) {
        return rows(Criteria.where("unit").in(units).and("state").is(WatchState.AT_RISK));
    }

    private List<WatchRow> rows(Criteria criteria) {
        Query query = Query.query(criteria).with(Sort.by("dueAt", "_id")).limit(properties.listLimit());
        return mongo.find(query, WatchedClock.class).stream()
                .sorted(Comparator.comparing(WatchedClock::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WatchedClock::id))
                .map(clock -> WatchRow.of(clock, properties))
                .toList();
    }

    /**
     * Per guarantee of the units: open clocks (running, at risk, paused), at risk, breached and still open, and
     * those that ended this month (Stockholm time) met or breached, with the share met.
     */
    public List<GuaranteeSummary> perGuarantee(Collection<String> units) {
        Instant monthStart = ZonedDateTime.now(clock.withZone(WatchRow.STOCKHOLM)).withDayOfMonth(1)
                .toLocalDate().atStartOfDay(WatchRow.STOCKHOLM).toInstant();
        Map<String, GuaranteeSummary.Builder> byGuarantee = new TreeMap<>();
        Aggregation counts = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("unit").in(units)),
                Aggregation.project("guaranteeKey", "guaranteeTitle", "guaranteeVersion", "state", "endedAt",
                        "caseEndedAt"),
                Aggregation.match(new Criteria().orOperator(
                        Criteria.where("state").in(WatchState.RUNNING, WatchState.AT_RISK, WatchState.PAUSED),
                        Criteria.where("state").is(WatchState.BREACHED).and("caseEndedAt").is(null),
                        Criteria.where("endedAt").gte(monthStart))));
        for (Document row : mongo.aggregate(counts, WatchedClock.class, Document.class).getMappedResults()) {
            String key = String.valueOf(row.get("guaranteeKey"));
            GuaranteeSummary.Builder summary = byGuarantee.computeIfAbsent(key, GuaranteeSummary.Builder::new);
            summary.title(row.getString("guaranteeTitle"), row.getInteger("guaranteeVersion"));
            WatchState state = WatchState.valueOf(row.getString("state"));
            java.util.Date ended = row.getDate("endedAt");
            boolean thisMonth = ended != null && !ended.toInstant().isBefore(monthStart);
            switch (state) {
                case RUNNING, PAUSED -> summary.open++;
                case AT_RISK -> {
                    summary.open++;
                    summary.atRisk++;
                }
                case BREACHED -> {
                    if (row.get("caseEndedAt") == null) {
                        summary.breachedOpen++;
                    }
                    if (thisMonth) {
                        summary.breachedThisMonth++;
                    }
                }
                case MET -> {
                    if (thisMonth) {
                        summary.metThisMonth++;
                    }
                }
            }
        }
        List<GuaranteeSummary> summaries = new ArrayList<>();
        byGuarantee.values().forEach(builder -> summaries.add(builder.build()));
        return summaries;
    }
}
