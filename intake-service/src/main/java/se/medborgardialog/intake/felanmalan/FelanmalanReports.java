package se.medborgardialog.intake.felanmalan;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.intake.publishing.EventSeal;
import se.medborgardialog.contracts.Location;

/**
 * Intake's own view of the felanmälningar it accepted, built from its submissions topic read back
 * ({@code FelanmalanSubmitted}) and the case lifecycle ({@code CaseClosed}). Both listeners are idempotent: a
 * redelivered report changes nothing, a redelivered close closes again.
 */
@Component
public class FelanmalanReports {

    private static final Logger log = LoggerFactory.getLogger(FelanmalanReports.class);

    /** The newest first; the id breaks ties, so paging through reports received at one instant is stable. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;
    private final EventSeal seal;
    private final FelanmalanCells cells;
    private final LinkedReports linked;

    FelanmalanReports(MongoTemplate mongo, EventSeal seal, FelanmalanCells cells, LinkedReports linked) {
        this.mongo = mongo;
        this.seal = seal;
        this.cells = cells;
        this.linked = linked;
    }

    @EventListener
    void on(FelanmalanSubmitted sealed) {
        record(seal.unseal(sealed));
    }

    /**
     * Records a report once (an upsert that only inserts): from the topic read back, and also, by the request that
     * published it, as soon as Kafka acknowledged it, so a second report of the same fault a moment later finds it
     * without waiting for the read-back. The description is public (Open311 shows it); the contact is not kept.
     */
    void record(FelanmalanSubmitted submitted) {
        String submissionId = submitted.submissionId().toString();
        String duplicateOf = submitted.duplicateOf() == null ? null : submitted.duplicateOf().toString();
        Location location = submitted.location();
        if (duplicateOf == null && location != null && location.latitude() != null && location.longitude() != null) {
            cells.add(submitted.category(), location.latitude(), location.longitude(), submissionId);
        }
        if (duplicateOf != null) {
            linked.link(duplicateOf, submissionId);
        }
        Update insertOnce = new Update()
                .setOnInsert("caseId", duplicateOf != null ? duplicateOf : submissionId)
                .setOnInsert("trackingCode", submitted.trackingCode().value())
                .setOnInsert("category", submitted.category())
                .setOnInsert("description", submitted.description())
                .setOnInsert(FelanmalanReport.LAT, location == null ? null : location.latitude())
                .setOnInsert(FelanmalanReport.LON, location == null ? null : location.longitude())
                .setOnInsert("address", location == null ? null : location.address())
                .setOnInsert("receivedAt", submitted.receivedAt())
                .setOnInsert("duplicateOf", duplicateOf)
                .setOnInsert("open", true);
        if (mongo.upsert(Query.query(Criteria.where("_id").is(submissionId)), insertOnce, FelanmalanReport.class)
                .getUpsertedId() != null) {
            log.info("Felanmälan {} recorded (case {})", submissionId, duplicateOf != null ? duplicateOf : submissionId);
        }
    }

    /** Closes the case's own report and every report linked to it, by id; the own report leaves its cell. */
    @EventListener
    void on(CaseClosed closed) {
        String caseId = closed.caseId().toString();
        FelanmalanReport own = mongo.findById(caseId, FelanmalanReport.class);
        List<String> linkedReports = linked.of(caseId);
        if (own == null && linkedReports.isEmpty()) {
            return;
        }
        List<String> reports = new java.util.ArrayList<>(linkedReports);
        reports.add(caseId);
        long changed = mongo.updateMulti(Query.query(Criteria.where("_id").in(reports).and("caseId").is(caseId)
                        .and("open").is(true)), Update.update("open", false), FelanmalanReport.class)
                .getModifiedCount();
        if (changed > 0) {
            log.info("Case {} closed: {} felanmälan report(s) no longer open", closed.caseId(), changed);
        }
        if (own != null && own.duplicateOf() == null && own.hasCoordinates()) {
            cells.remove(own.category(), own.lat(), own.lon(), own.submissionId());
        }
    }

    public Optional<FelanmalanReport> find(String submissionId) {
        return Optional.ofNullable(mongo.findById(submissionId, FelanmalanReport.class));
    }

    /** The reports with these submission ids that have been read back, newest first. */
    public List<FelanmalanReport> findAll(Collection<String> submissionIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(submissionIds)).with(NEWEST_FIRST),
                FelanmalanReport.class);
    }

    /** @param canonicalCode a tracking code in its canonical form, e.g. {@code 7KQF-3M9X-WD2P-8HNA} */
    public Optional<FelanmalanReport> findByTrackingCode(String canonicalCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("trackingCode").is(canonicalCode)),
                FelanmalanReport.class));
    }

    /**
     * One page of the reports received in {@code [from, to]}, newest first.
     *
     * @param categories only these categories, or every category when null
     */
    public List<FelanmalanReport> receivedBetween(Instant from, Instant to, Collection<String> categories,
            long skip, int limit) {
        Criteria criteria = Criteria.where("receivedAt").gte(from).lte(to);
        if (categories != null) {
            criteria = criteria.and("category").in(categories);
        }
        return mongo.find(Query.query(criteria).with(NEWEST_FIRST).skip(skip).limit(limit), FelanmalanReport.class);
    }

    /**
     * The open report of {@code category} nearest to the point and within {@code metres}, that opened its own
     * case (a linked report is never a candidate). The cells the box touches name the candidates
     * ({@link FelanmalanCells}), read by id; a box query on plain lat/lon fields narrows them; the haversine distance
     * decides.
     */
    Optional<FelanmalanReport> nearestOpen(String category, double latitude, double longitude, double metres) {
        Geo.BoundingBox box = Geo.BoundingBox.around(latitude, longitude, metres);
        List<String> named = cells.reportsIn(category, box);
        if (named != null && named.isEmpty()) {
            return Optional.empty();
        }
        Criteria criteria = Criteria.where("category").is(category)
                .and("open").is(true)
                .and("duplicateOf").is(null)
                .and(FelanmalanReport.LAT).gte(box.minLatitude()).lte(box.maxLatitude())
                .and(FelanmalanReport.LON).gte(box.minLongitude()).lte(box.maxLongitude());
        Query query = Query.query(named == null ? criteria : criteria.and("_id").in(named));
        List<FelanmalanReport> candidates = mongo.find(query, FelanmalanReport.class);
        return nearestWithin(candidates, latitude, longitude, metres);
    }

    static Optional<FelanmalanReport> nearestWithin(List<FelanmalanReport> candidates, double latitude,
            double longitude, double metres) {
        return candidates.stream()
                .filter(FelanmalanReport::hasCoordinates)
                .filter(report -> distance(report, latitude, longitude) <= metres)
                .min(Comparator.comparingDouble(report -> distance(report, latitude, longitude)));
    }

    private static double distance(FelanmalanReport report, double latitude, double longitude) {
        return Geo.distanceMetres(report.lat(), report.lon(), latitude, longitude);
    }
}
