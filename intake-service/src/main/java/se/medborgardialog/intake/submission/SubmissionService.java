package se.medborgardialog.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktSubmitted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a synpunkt: validates it, checks who may use which channel, and answers only once the
 * {@code SynpunktSubmitted} event is acknowledged by the broker. With an Idempotency-Key, the ids and the
 * receipt are stored before publishing, so a retry gets the same receipt and, if the earlier attempt
 * failed, re-publishes the same event (same ce_id) instead of creating a second submission.
 */
@Service
class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final SubmissionValidator validator;
    private final TrackingCodes trackingCodes;
    private final ReceiptWriter receipts;
    private final SubmissionPublisher publisher;
    private final IdempotencyRecords idempotencyRecords;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Clock clock;

    SubmissionService(SubmissionValidator validator, TrackingCodes trackingCodes, ReceiptWriter receipts,
            SubmissionPublisher publisher, IdempotencyRecords idempotencyRecords, JsonMapper jsonMapper, MeterRegistry meters, Clock clock) {
        this.validator = validator;
        this.trackingCodes = trackingCodes;
        this.receipts = receipts;
        this.publisher = publisher;
        this.idempotencyRecords = idempotencyRecords;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.clock = clock;
    }

    Receipt submit(SubmissionRequest request, Caller caller, String idempotencyKey) {
        ValidSubmission submission = validator.validate(request);
        String registeredBy = authorize(submission, caller);
        if (idempotencyKey == null) {
            Prepared prepared = prepare(submission, registeredBy);
            publish(prepared.event());
            return prepared.receipt();
        }
        String requestHash = hash(request, caller);
        while (true) {
            var existing = idempotencyRecords.find(idempotencyKey);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash);
            }
            Prepared prepared = prepare(submission, registeredBy);
            if (idempotencyRecords.insert(IdempotencyRecord.pending(idempotencyKey, requestHash,
                    prepared.event(), prepared.receipt(), clock.instant()))) {
                publish(prepared.event());
                idempotencyRecords.markPublished(idempotencyKey, clock.instant());
                return prepared.receipt();
            }
            // A concurrent request with the same key stored its record first: replay that one.
        }
    }

    private Receipt replay(IdempotencyRecord record, String requestHash) {
        if (!record.matches(requestHash)) {
            throw new IdempotencyConflictException();
        }
        if (!record.published()) {
            log.info("Re-publishing submission {} for a retried request", record.event().submissionId());
            publish(record.event());
            idempotencyRecords.markPublished(record.key(), clock.instant());
        } else {
            log.info("Returning the stored receipt of submission {} for a retried request",
                    record.event().submissionId());
        }
        return record.receipt();
    }

    /** @return who registered it on the person's behalf, or null for a citizen's own web or app submission */
    private static String authorize(ValidSubmission submission, Caller caller) {
        if (!submission.requiresStaff()) {
            return null;
        }
        if (!caller.isAuthenticated()) {
            throw StaffOnlyException.notLoggedIn();
        }
        if (!caller.mayRegister()) {
            throw StaffOnlyException.notAllowed();
        }
        return caller.username();
    }

    private Prepared prepare(ValidSubmission submission, String registeredBy) {
        Instant now = clock.instant();
        SynpunktSubmitted submitted = new SynpunktSubmitted(
                new SubmissionId(UUID.randomUUID()),
                trackingCodes.next(),
                submission.kind(),
                submission.category(),
                submission.text(),
                submission.channel(),
                submission.receivedAt().orElse(now),
                now,
                submission.contact(),
                registeredBy);
        return new Prepared(SubmissionEvent.of(submitted, jsonMapper), receipts.receiptFor(submitted));
    }

    private void publish(SubmissionEvent event) {
        publisher.publish(event);
        Counter.builder("medborgardialog.submissions.received")
                .description("Synpunkter accepted and published")
                .tag("kind", event.kind().name().toLowerCase())
                .tag("channel", event.channel().name().toLowerCase())
                .register(meters)
                .increment();
    }

    /** Same body from the same caller gives the same hash; the caller counts, so keys cannot be borrowed. */
    private String hash(SubmissionRequest request, Caller caller) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(jsonMapper.writeValueAsBytes(request));
            digest.update((byte) 0);
            digest.update(String.valueOf(caller.username()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    private record Prepared(SubmissionEvent event, Receipt receipt) {
    }
}
