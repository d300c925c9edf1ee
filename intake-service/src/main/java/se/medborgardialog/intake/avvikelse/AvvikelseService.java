package se.medborgardialog.intake.avvikelse;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.intake.publishing.EventSeal;
import se.medborgardialog.intake.publishing.IdempotentPublishing;
import se.medborgardialog.intake.publishing.IdempotentPublishing.Prepared;
import se.medborgardialog.intake.publishing.IntakeEvent;
import se.medborgardialog.intake.submission.TrackingCodes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an avvikelse from a logged-in staff member: validates it, checks the reporter may report for the unit,
 * and answers only once {@code AvvikelseReported} is acknowledged by the broker, once per Idempotency-Key.
 * Logs the submission id only: never the text, the unit's person or the personnummer.
 */
@Service
class AvvikelseService {

    private static final Logger log = LoggerFactory.getLogger(AvvikelseService.class);

    private final AvvikelseValidator validator;
    private final TrackingCodes trackingCodes;
    private final IdempotentPublishing idempotentPublishing;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Clock clock;
    private final EventSeal seal;

    AvvikelseService(AvvikelseValidator validator, TrackingCodes trackingCodes,
            IdempotentPublishing idempotentPublishing, JsonMapper jsonMapper, MeterRegistry meters, Clock clock, EventSeal seal) {
        this.validator = validator;
        this.trackingCodes = trackingCodes;
        this.idempotentPublishing = idempotentPublishing;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.clock = clock;
        this.seal = seal;
    }

    AvvikelseReceipt report(AvvikelseRequest request, Reporter reporter, String idempotencyKey) {
        ValidAvvikelse avvikelse = validator.validate(request);
        if (!reporter.mayReportFor(avvikelse.unit())) {
            throw new UnitNotAllowedException();
        }
        String requestHash = idempotentPublishing.requestHash(request, "avvikelse", reporter.username());
        AvvikelseReceipt receipt = idempotentPublishing.publishOnceInsertingFirst(idempotencyKey, requestHash,
                () -> prepare(avvikelse, reporter.username()), AvvikelseReceipt.class);
        Counter.builder("medborgardialog.avvikelser.reported")
                .description("Avvikelser reported and published")
                .tag("legalFlow", avvikelse.legalFlow().name())
                .register(meters)
                .increment();
        log.info("Avvikelse {} reported", receipt.submissionId());
        return receipt;
    }

    private Prepared<AvvikelseReceipt> prepare(ValidAvvikelse avvikelse, String reportedBy) {
        Instant now = clock.instant();
        AvvikelseReported reported = new AvvikelseReported(
                new SubmissionId(UUID.randomUUID()),
                trackingCodes.next(),
                avvikelse.law(),
                avvikelse.legalFlow(),
                avvikelse.unit(),
                avvikelse.whatHappened(),
                avvikelse.occurredAt(),
                avvikelse.noticedAt(),
                avvikelse.immediateMeasures(),
                avvikelse.affectedPerson(),
                reportedBy,
                now,
                null);
        String id = reported.submissionId().toString();
        IntakeEvent event = IntakeEvent.of(id, id, EventTypes.AVVIKELSE_REPORTED, "avvikelse-reported", now,
                seal.seal(reported), jsonMapper);
        AvvikelseReceipt receipt = new AvvikelseReceipt(id, reported.trackingCode().value(),
                avvikelse.legalFlow().name(), LegalFlows.name(avvikelse.legalFlow()),
                LegalFlows.nextSteps(avvikelse.legalFlow()));
        return new Prepared<>(event, receipt);
    }
}
