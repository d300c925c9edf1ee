package se.medborgardialog.intake.felanmalan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.intake.attachments.AttachmentKind;
import se.medborgardialog.intake.attachments.Attachments;
import se.medborgardialog.intake.attachments.CheckedFile;
import se.medborgardialog.intake.attachments.Upload;
import se.medborgardialog.intake.submission.TrackingCodes;
import se.medborgardialog.intake.publishing.EventSeal;
import se.medborgardialog.intake.publishing.IdempotentPublishing;
import se.medborgardialog.intake.publishing.IdempotentPublishing.Prepared;
import se.medborgardialog.intake.publishing.IntakeEvent;
import se.medborgardialog.workingdays.SwedishCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a felanmälan: validates it, links it to an open report of the same fault nearby if there is one, and
 * answers only once {@code FelanmalanSubmitted} is acknowledged by the broker, once per Idempotency-Key.
 */
@Service
public class FelanmalanService {

    private static final Logger log = LoggerFactory.getLogger(FelanmalanService.class);

    static final String NEW_MESSAGE = "Tack för din felanmälan! Den är registrerad och skickas till dem som "
            + "åtgärdar felet. Du kan följa den med din spårningskod.";
    static final String LINKED_MESSAGE = "Tack för din felanmälan! Det finns redan en anmälan om detta i närheten; "
            + "din anmälan har kopplats till den och du kan följa den med din spårningskod.";

    private final FelanmalanValidator validator;
    private final FelanmalanReports reports;
    private final FelanmalanProperties properties;
    private final TrackingCodes trackingCodes;
    private final IdempotentPublishing idempotentPublishing;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Attachments attachments;
    private final EventSeal seal;
    private final SwedishCalendar calendar;

    FelanmalanService(FelanmalanValidator validator, FelanmalanReports reports, FelanmalanProperties properties,
            TrackingCodes trackingCodes, IdempotentPublishing idempotentPublishing, JsonMapper jsonMapper,
            MeterRegistry meters, Clock clock, Attachments attachments, EventSeal seal, SwedishCalendar calendar) {
        this.calendar = calendar;
        this.attachments = attachments;
        this.validator = validator;
        this.reports = reports;
        this.properties = properties;
        this.trackingCodes = trackingCodes;
        this.idempotentPublishing = idempotentPublishing;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.clock = clock;
        this.seal = seal;
    }

    /**
     * The one way in for every felanmälan without photos (JSON API, citizen page, Open311).
     *
     * @throws se.medborgardialog.intake.web.InvalidRequestException              bad input, nothing published
     * @throws se.medborgardialog.intake.publishing.IdempotencyConflictException   the key was used for another request
     * @throws se.medborgardialog.intake.publishing.EventNotAcknowledgedException Kafka did not acknowledge
     */
    public FelanmalanReceipt submit(FelanmalanRequest request, String idempotencyKey) {
        return submit(request, List.of(), idempotencyKey);
    }

    /** With photos: checked with the rest before anything is stored, and stored before the event is published. */
    FelanmalanReceipt submit(FelanmalanRequest request, List<Upload> uploads, String idempotencyKey) {
        Attachments.Validated<ValidFelanmalan> validated =
                attachments.validate(() -> validator.validate(request), uploads, AttachmentKind.FELANMALAN);
        ValidFelanmalan felanmalan = validated.value();
        String requestHash = idempotentPublishing.requestHash(attachments.hashInput(request, validated.files()),
                "felanmalan", null);
        AtomicReference<FelanmalanSubmitted> published = new AtomicReference<>();
        FelanmalanReceipt receipt = idempotentPublishing.publishOnce(idempotencyKey, requestHash, validated.files(),
                () -> prepare(felanmalan, validated.files(), idempotencyKey, published::set), FelanmalanReceipt.class);
        FelanmalanSubmitted prepared = published.get();
        if (prepared != null && prepared.submissionId().toString().equals(receipt.submissionId())) {
            // Kafka has it: a nearby report right after this one is linked to it, read back or not yet. (A retry
            // prepares an event too, then gets the first attempt's receipt: that one was recorded then.)
            reports.record(prepared);
            if (prepared.duplicateOf() != null) {
                log.info("Felanmälan {} linked to open case {}", prepared.submissionId(), prepared.duplicateOf());
            }
        }
        Counter.builder("medborgardialog.felanmalan.received")
                .description("Felanmälningar accepted and published")
                .tag("category", felanmalan.category())
                .tag("channel", felanmalan.channel().name().toLowerCase())
                .tag("linked", String.valueOf(receipt.linked()))
                .register(meters)
                .increment();
        return receipt;
    }

    private Prepared<FelanmalanReceipt> prepare(ValidFelanmalan felanmalan, List<CheckedFile> files,
            String idempotencyKey, Consumer<FelanmalanSubmitted> toPublish) {
        Instant now = clock.instant();
        SubmissionId submissionId = new SubmissionId(UUID.randomUUID());
        CaseId duplicateOf = duplicateOf(felanmalan).orElse(null);
        // A linked report's photos belong to the case it was linked to: that unit's staff may open them.
        UUID caseId = duplicateOf != null ? duplicateOf.value() : submissionId.value();
        List<AttachmentRef> photos = attachments.store(files, idempotencyKey, caseId, submissionId.value(),
                AttachmentKind.FELANMALAN);
        FelanmalanSubmitted submitted = new FelanmalanSubmitted(
                submissionId,
                trackingCodes.next(),
                felanmalan.category(),
                felanmalan.description(),
                felanmalan.location(),
                photos,
                felanmalan.channel(),
                now,
                now,
                felanmalan.contact(),
                duplicateOf,
                null);
        String id = submissionId.toString();
        String key = duplicateOf != null ? duplicateOf.toString() : id;
        IntakeEvent event = IntakeEvent.of(key, id, EventTypes.FELANMALAN_SUBMITTED, "felanmalan-submitted", now,
                seal.seal(submitted), jsonMapper);
        toPublish.accept(submitted);
        return new Prepared<>(event, receiptFor(submitted));
    }

    /** Only reports with coordinates can be duplicates: two addresses are not compared (spelling varies too much). */
    private Optional<CaseId> duplicateOf(ValidFelanmalan felanmalan) {
        if (!felanmalan.hasCoordinates()) {
            return Optional.empty();
        }
        return reports.nearestOpen(felanmalan.category(), felanmalan.location().latitude(),
                        felanmalan.location().longitude(), properties.duplicateDistance())
                .map(report -> new CaseId(UUID.fromString(report.caseId())));
    }

    private FelanmalanReceipt receiptFor(FelanmalanSubmitted submitted) {
        boolean linked = submitted.duplicateOf() != null;
        String answerBy = linked ? null : calendar.deadline(submitted.receivedAt(),
                properties.answerWithinWorkingDays()).dueDate().toString();
        return new FelanmalanReceipt(
                submitted.submissionId().toString(),
                submitted.trackingCode().value(),
                submitted.receivedAt().atZone(SwedishCalendar.STOCKHOLM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                linked,
                linked ? submitted.duplicateOf().toString() : null,
                linked ? LINKED_MESSAGE : NEW_MESSAGE,
                submitted.photos().stream().map(AttachmentRef::fileName).toList(),
                answerBy);
    }
}
