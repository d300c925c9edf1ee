package se.medborgardialog.intake.attachments;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;

/**
 * What the files learn from the events intake reads back (messaging/InboundEvents): a submission read back from
 * its topic was durably accepted, so its files are no orphans (idempotent, in any order). Which unit a case (and
 * so its files) belongs to comes from tracking's view of the case ({@code CaseProgressLookup}). Files of submissions that never reached Kafka are removed after
 * {@code intake.attachments.orphan-age} by {@link #removeOrphans()}.
 */
@Component
class AttachmentReadBack {

    private static final Logger log = LoggerFactory.getLogger(AttachmentReadBack.class);
    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentReadBack(AttachmentStore store, AttachmentProperties properties, Clock clock) {
        this.store = store;
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
