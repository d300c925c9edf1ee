package se.medborgardialog.intake.felanmalan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the reports that could be duplicates lie: the ids of the reports that opened their own case and have
 * coordinates, per category and grid cell ({@value #COLLECTION}, {@code _id} = category, cell row and column; a
 * cell is {@value #CELL_DEGREES}° of latitude by twice that of longitude, about 1.1 km square in Sweden). The
 * duplicate search reads the cells its box touches by id and then those reports by id; a filter on category, state
 * and coordinates read every stored report, under the embedded store's lock, on every felanmälan submitted (and no
 * index served it on real MongoDB either).
 *
 * <p>A report is put in its cell before it is stored, and taken out when its case closes: a cell may name a report
 * that is not stored (yet) or is closed, never miss one that is open; the search's own filter decides as before.
 */
@Component
class FelanmalanCells implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(FelanmalanCells.class);
    static final String COLLECTION = "felanmalan_cells";
    static final double CELL_DEGREES = 0.01;
    /** A box touching more cells than this (a duplicate distance of tens of kilometres) is searched the old way. */
    static final int MOST_CELLS = 400;
    private static final String REPORTS = "reports";
    private static final String FILLED = "_filled";

    private final MongoTemplate mongo;

    FelanmalanCells(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(String category, double latitude, double longitude, String reportId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(cellId(category, latitude, longitude))),
                new Update().addToSet(REPORTS, reportId), COLLECTION);
    }

    void remove(String category, double latitude, double longitude, String reportId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cellId(category, latitude, longitude))),
                new Update().pull(REPORTS, reportId), COLLECTION);
    }

    /** The ids of the reports in the cells the box touches, or null when it touches more than {@link #MOST_CELLS}. */
    List<String> reportsIn(String category, Geo.BoundingBox box) {
        long rowFrom = row(box.minLatitude());
        long rowTo = row(box.maxLatitude());
        long columnFrom = column(box.minLongitude());
        long columnTo = column(box.maxLongitude());
        if ((rowTo - rowFrom + 1) * (columnTo - columnFrom + 1) > MOST_CELLS) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        for (long row = rowFrom; row <= rowTo; row++) {
            for (long column = columnFrom; column <= columnTo; column++) {
                cells.add(cellId(category, row, column));
            }
        }
        Set<String> reports = new LinkedHashSet<>();
        for (Document cell : mongo.find(Query.query(Criteria.where("_id").in(cells)), Document.class, COLLECTION)) {
            List<String> ids = cell.getList(REPORTS, String.class);
            if (ids != null) {
                reports.addAll(ids);
            }
        }
        return List.copyOf(reports);
    }

    static String cellId(String category, double latitude, double longitude) {
        return cellId(category, row(latitude), column(longitude));
    }

    private static String cellId(String category, long row, long column) {
        return category + "/" + row + "/" + column;
    }

    private static long row(double latitude) {
        return (long) Math.floor(latitude / CELL_DEGREES);
    }

    private static long column(double longitude) {
        return (long) Math.floor(longitude / (2 * CELL_DEGREES));
    }

    /**
     * Reports stored before there were cells are put in theirs once, at start, before any listener runs; a marker
     * document says it was done (a start that died half-way does it again: adding is idempotent).
     */
    @Override
    public void afterPropertiesSet() {
        if (mongo.findById(FILLED, Document.class, COLLECTION) != null) {
            return;
        }
        Query candidates = Query.query(Criteria.where("open").is(true).and("duplicateOf").is(null));
        candidates.fields().include("category", FelanmalanReport.LAT, FelanmalanReport.LON);
        int added = 0;
        try (var stream = mongo.stream(candidates, Document.class, FelanmalanReport.COLLECTION)) {
            for (Document report : (Iterable<Document>) stream::iterator) {
                if (report.get(FelanmalanReport.LAT) instanceof Number lat
                        && report.get(FelanmalanReport.LON) instanceof Number lon) {
                    add(report.getString("category"), lat.doubleValue(), lon.doubleValue(), report.getString("_id"));
                    added++;
                }
            }
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(FILLED)), new Update().set("reports", List.of()), COLLECTION);
        if (added > 0) {
            log.info("Put {} felanmälan report(s) stored before there were cells in their cells", added);
        }
    }
}
