package se.medborgardialog.intake.attachments;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;

/**
 * What the files learn from the events intake reads back (messaging/InboundEvents): a submission read back from
 * its topic was durably accepted, so its files are no orphans; a {@code CaseOpened} tells which unit a case (and
 * so its files) belongs to, kept in {@code attachment_case_units} ({@code _id} = case id, {@code unit}). Both
 * writes are idempotent, in any order. Files of submissions that never reached Kafka are removed after
 * {@code intake.attachments.orphan-age} by {@link #removeOrphans()}.
 */
@Component
class AttachmentReadBack {

    private static final Logger log = LoggerFactory.getLogger(AttachmentReadBack.class);
    static final String CASE_UNITS = "attachment_case_units";

    private final AttachmentStore store;
    private final MongoTemplate mongo;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentReadBack(AttachmentStore store, MongoTemplate mongo, AttachmentProperties properties, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(SynpunktSubmitted submitted) {
        published(submitted.attachments());
    }

    @EventListener
    void on(FelanmalanSubmitted submitted) {
        published(submitted.photos());
    }

    @EventListener
    void on(CaseOpened opened) {
        if (opened.caseId() == null || opened.unit() == null) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(opened.caseId().toString())),
                new Update().set("unit", opened.unit()), CASE_UNITS);
    }

    /** The unit of a case, if its {@code CaseOpened} has been read. */
    java.util.Optional<String> unitOf(String caseId) {
        return java.util.Optional.ofNullable(mongo.findById(caseId, org.bson.Document.class, CASE_UNITS))
                .map(unit -> unit.getString("unit"));
    }

    @Scheduled(fixedDelayString = "${intake.attachments.cleanup-interval:1h}",
            initialDelayString = "${intake.attachments.cleanup-interval:1h}")
    void removeOrphans() {
        removeOrphansAt(clock.instant());
    }

    void removeOrphansAt(java.time.Instant now) {
        long removed = store.removeUnpublishedBefore(now.minus(properties.orphanAge()));
        if (removed > 0) {
            log.info("Removed {} attachment(s) whose submission never reached Kafka", removed);
        }
    }

    private void published(List<AttachmentRef> refs) {
        if (refs != null) {
            refs.forEach(ref -> store.markPublished(ref.id()));
        }
    }
}
