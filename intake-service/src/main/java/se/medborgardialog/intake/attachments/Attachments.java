package se.medborgardialog.intake.attachments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.intake.web.PayloadTooLargeException;

/**
 * Files sent with a submission, for the submission features: check them together with the submission (nothing
 * is stored unless all of it is valid), then store them before the event is published, and hand back the
 * references the event carries. Logs ids only, never names or content.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    /** A submission that passed its own validator, and its files that passed the attachment rules. */
    public record Validated<T>(T value, List<CheckedFile> files) {
    }

    /** What the Idempotency-Key's request hash covers when files were sent: the body and each file's digest. */
    public record WithFiles(Object request, List<String> files) {
    }

    private final AttachmentRules rules;
    private final AttachmentStore store;
    private final MeterRegistry meters;
    private final Clock clock;

    Attachments(AttachmentProperties properties, AttachmentStore store, MeterRegistry meters, Clock clock) {
        this.rules = new AttachmentRules(properties.maxFiles(), properties.maxFileSize().toBytes());
        this.store = store;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Runs the submission's own validation and checks the files, and refuses with every problem at once:
     * a file over the size limit → 413 naming it; otherwise the validator's and the files' problems → 400.
     */
    public <T> Validated<T> validate(Supplier<T> validation, List<Upload> uploads, AttachmentKind kind) {
        List<AttachmentRules.Refusal> oversized = rules.oversized(uploads);
        if (!oversized.isEmpty()) {
            refused(oversized);
            throw new PayloadTooLargeException("En eller flera filer är för stora.",
                    oversized.stream().map(AttachmentRules.Refusal::violation).toList());
        }
        List<FieldViolation> errors = new ArrayList<>();
        T value = null;
        try {
            value = validation.get();
        } catch (InvalidRequestException invalid) {
            errors.addAll(invalid.errors());
        }
        AttachmentRules.Checked checked = rules.check(uploads, kind);
        refused(checked.refusals());
        checked.refusals().forEach(refusal -> errors.add(refusal.violation()));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Validated<>(value, checked.files());
    }

    /** The request itself when no files were sent (so a JSON request hashes as it always did). */
    public Object hashInput(Object request, List<CheckedFile> files) {
        if (files.isEmpty()) {
            return request;
        }
        return new WithFiles(request, files.stream().map(file -> file.sha256() + " " + file.fileName()).toList());
    }

    /**
     * Stores the files of one submission, encrypted, before its event is published. With an Idempotency-Key a
     * file's id is derived from the key, its position and its digest, so a retried request (say after a 503)
     * finds the files it stored before instead of storing them again.
     *
     * @param caseId the case whose unit may read the files
     */
    public List<AttachmentRef> store(List<CheckedFile> files, String idempotencyKey, UUID caseId,
            UUID submissionId, AttachmentKind kind) {
        List<AttachmentRef> refs = new ArrayList<>();
        for (CheckedFile file : files) {
            StoredAttachment attachment = new StoredAttachment(idFor(idempotencyKey, file), file.fileName(),
                    file.contentType(), file.size(), file.sha256(), kind.tag(), caseId.toString(),
                    submissionId.toString(), false, clock.instant());
            if (store.store(attachment, file.bytes())) {
                Counter.builder("medborgardialog.attachments.stored")
                        .description("Files stored with submissions")
                        .tag("kind", kind.tag())
                        .register(meters)
                        .increment();
                log.info("Stored attachment {} of submission {}", attachment.id(), submissionId);
            } else {
                log.info("Attachment {} of submission {} was stored before; reused", attachment.id(), submissionId);
            }
            refs.add(attachment.ref());
        }
        return refs;
    }

    private static String idFor(String idempotencyKey, CheckedFile file) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        String seed = "attachment:" + idempotencyKey + ":" + file.index() + ":" + file.sha256();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void refused(List<AttachmentRules.Refusal> refusals) {
        refusals.forEach(refusal -> Counter.builder("medborgardialog.attachments.refused")
                .description("Files (or sets of files) refused, by reason")
                .tag("reason", refusal.reason().tag)
                .register(meters)
                .increment());
    }
}
