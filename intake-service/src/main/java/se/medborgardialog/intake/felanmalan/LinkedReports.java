package se.medborgardialog.intake.felanmalan;

import java.util.List;
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
 * The reports linked to each case ({@value #COLLECTION}, {@code _id} = the case id, which is its own report's id), so
 * a closed case's reports are closed by id. A filter on {@code caseId} read every stored report, under the embedded
 * store's lock, on every case closed (of any kind: intake reads them all). A report is named before it is stored.
 */
@Component
class LinkedReports implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LinkedReports.class);
    static final String COLLECTION = "felanmalan_linked_reports";
    private static final String REPORTS = "reports";
    private static final String FILLED = "_filled";

    private final MongoTemplate mongo;

    LinkedReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void link(String caseId, String reportId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), new Update().addToSet(REPORTS, reportId), COLLECTION);
    }

    List<String> of(String caseId) {
        Document linked = mongo.findById(caseId, Document.class, COLLECTION);
        List<String> reports = linked == null ? null : linked.getList(REPORTS, String.class);
        return reports == null ? List.of() : reports;
    }

    /** Reports linked before there was this collection are named once, at start, behind a marker document. */
    @Override
    public void afterPropertiesSet() {
        if (mongo.findById(FILLED, Document.class, COLLECTION) != null) {
            return;
        }
        Query linked = Query.query(Criteria.where("duplicateOf").ne(null));
        linked.fields().include("duplicateOf");
        int named = 0;
        try (var stream = mongo.stream(linked, Document.class, FelanmalanReport.COLLECTION)) {
            for (Document report : (Iterable<Document>) stream::iterator) {
                link(report.getString("duplicateOf"), report.getString("_id"));
                named++;
            }
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(FILLED)), new Update().set(REPORTS, List.of()), COLLECTION);
        if (named > 0) {
            log.info("Named {} felanmälan report(s) linked before linked reports were kept per case", named);
        }
    }
}
