package se.medborgardialog.intake.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gallring of the idempotency records: each holds a submission's event (personal data, encrypted) and receipt, and
 * is needed only while a client may still retry. Records older than {@code intake.idempotency.retention} (default
 * 30 days) are deleted, checked every {@code intake.idempotency.cleanup-interval} by the injected clock; a key
 * used again after that counts as a new request. (The embedded store has no TTL indexes, so this is a job.)
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(IdempotencyRetention.RetentionProperties.class)
public class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    /**
     * @param retention       how long a record is kept after it was created
     * @param cleanupInterval how often old records are looked for
     */
    @ConfigurationProperties("intake.idempotency")
    record RetentionProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration cleanupInterval) {
    }

    private final MongoTemplate mongo;
    private final RetentionProperties properties;
    private final Clock clock;

    IdempotencyRetention(MongoTemplate mongo, RetentionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${intake.idempotency.cleanup-interval:1h}",
            initialDelayString = "${intake.idempotency.cleanup-interval:1h}")
    void scheduled() {
        removeExpired();
    }

    /** @return how many records were deleted */
    public long removeExpired() {
        Instant before = clock.instant().minus(properties.retention());
        long removed = mongo.remove(Query.query(Criteria.where("createdAt").lt(before)), IdempotencyRecord.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} idempotency records created before {}", removed, before);
        }
        return removed;
    }
}
