package se.medborgardialog.intake.submission;

import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.intake.attachments.AttachmentKind;
import se.medborgardialog.intake.attachments.Attachments;
import se.medborgardialog.intake.attachments.CheckedFile;
import se.medborgardialog.intake.attachments.Upload;
import se.medborgardialog.intake.publishing.EventSeal;
import se.medborgardialog.intake.publishing.IdempotentPublishing;
import se.medborgardialog.intake.publishing.IdempotentPublishing.Prepared;
import se.medborgardialog.intake.publishing.IntakeEvent;
import se.medborgardialog.intake.security.StaffChallenge;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a synpunkt: validates it, checks who may use which channel, and answers only once the
 * {@code SynpunktSubmitted} event is acknowledged by the broker, once per Idempotency-Key. Public for the other ways a
 * synpunkt comes in (a complaint about a breached guarantee, from the status page's feature), so every one of them
 * is checked and published by this one service.
 */
@Service
public class SubmissionService {

    private final SubmissionValidator validator;
    private final TrackingCodes trackingCodes;
    private final ReceiptWriter receipts;
    private final IdempotentPublishing idempotentPublishing;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Attachments attachments;
    private final EventSeal seal;
    private final StaffChallenge staffLogin;

    SubmissionService(SubmissionValidator validator, TrackingCodes trackingCodes, ReceiptWriter receipts,
            IdempotentPublishing idempotentPublishing, JsonMapper jsonMapper, MeterRegistry meters, Clock clock,
            Attachments attachments, EventSeal seal, StaffChallenge staffLogin) {
        this.attachments = attachments;
        this.validator = validator;
        this.trackingCodes = trackingCodes;
        this.receipts = receipts;
        this.idempotentPublishing = idempotentPublishing;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.clock = clock;
        this.seal = seal;
        this.staffLogin = staffLogin;
    }

    Receipt submit(SubmissionRequest request, Caller caller, String idempotencyKey) {
        return submit(request, List.of(), caller, idempotencyKey);
    }

    /** With files: checked with the rest before anything is stored, and stored before the event is published. */
    Receipt submit(SubmissionRequest request, List<Upload> uploads, Caller caller, String idempotencyKey) {
        return submit(request, uploads, null, caller, idempotencyKey);
    }

    /**
     * A synpunkt about an earlier case ({@code SynpunktSubmitted.concerns}), e.g. a complaint that its tjänstegaranti
     * was not kept: the same rules, the same idempotency (the case is part of what a key stands for), the same event.
     */
    public Receipt submitConcerning(SubmissionRequest request, CaseId concerns, Caller caller, String idempotencyKey) {
        return submit(request, List.of(), java.util.Objects.requireNonNull(concerns, "concerns"), caller,
                idempotencyKey);
    }

    private Receipt submit(SubmissionRequest request, List<Upload> uploads, CaseId concerns, Caller caller,
            String idempotencyKey) {
        Attachments.Validated<ValidSubmission> validated =
                attachments.validate(() -> validator.validate(request), uploads, AttachmentKind.SYNPUNKT);
        ValidSubmission submission = validated.value();
        String registeredBy = authorize(submission, caller);
        String requestHash = idempotentPublishing.requestHash(attachments.hashInput(request, validated.files()),
                concerns == null ? "synpunkt" : "synpunkt-concerning:" + concerns, caller.username());
        Receipt receipt = idempotentPublishing.publishOnce(idempotencyKey, requestHash, validated.files(),
                () -> prepare(submission, registeredBy, validated.files(), idempotencyKey, concerns), Receipt.class);
        Counter.builder("medborgardialog.submissions.received")
                .description("Synpunkter accepted and published")
                .tag("kind", submission.kind().name().toLowerCase())
                .tag("channel", submission.channel().name().toLowerCase())
                .register(meters)
                .increment();
        return receipt;
    }

    /** @return who registered it on the person's behalf, or null for a citizen's own web or app submission */
    private String authorize(ValidSubmission submission, Caller caller) {
        if (!submission.requiresStaff()) {
            return null;
        }
        if (!caller.isAuthenticated()) {
            throw StaffOnlyException.notLoggedIn(staffLogin);
        }
        if (!caller.mayRegister()) {
            throw StaffOnlyException.notAllowed();
        }
        return caller.username();
    }

    private Prepared<Receipt> prepare(ValidSubmission submission, String registeredBy, List<CheckedFile> files,
            String idempotencyKey, CaseId concerns) {
        Instant now = clock.instant();
        UUID submissionId = UUID.randomUUID();
        List<AttachmentRef> stored = attachments.store(files, idempotencyKey, submissionId, submissionId,
                AttachmentKind.SYNPUNKT);
        SynpunktSubmitted submitted = new SynpunktSubmitted(
                new SubmissionId(submissionId),
                trackingCodes.next(),
                submission.kind(),
                submission.category(),
                submission.text(),
                submission.channel(),
                submission.receivedAt().orElse(now),
                now,
                submission.contact(),
                registeredBy,
                stored,
                null,
                concerns);
        String id = submitted.submissionId().toString();
        IntakeEvent event = IntakeEvent.of(id, id, EventTypes.SYNPUNKT_SUBMITTED, "synpunkt-submitted", now,
                seal.seal(submitted), jsonMapper);
        return new Prepared<>(event, receipts.receiptFor(submitted));
    }
}
