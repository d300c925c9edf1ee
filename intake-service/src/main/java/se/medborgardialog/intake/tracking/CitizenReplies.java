package se.medborgardialog.intake.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.publishing.EventSeal;
import se.medborgardialog.intake.publishing.IdempotentPublishing;
import se.medborgardialog.intake.publishing.IdempotentPublishing.Prepared;
import se.medborgardialog.intake.publishing.IntakeEvent;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen answers the officer's question (for the page and the API alike): checks the code and the text, and
 * publishes {@code CitizenReplied} on intake's topic, keyed by the case id, its text sealed with the event key,
 * answering only once Kafka acknowledged it, once per idempotency key. A case that does not wait for the citizen
 * gets nothing published. Logs and metrics name ids only, never the text.
 */
@Service
class CitizenReplies {

    private static final Logger log = LoggerFactory.getLogger(CitizenReplies.class);

    static final int MAX_TEXT_LENGTH = 10_000;
    static final String MESSAGE = "Tack! Ditt svar har skickats till handläggaren.";
    static final String METRIC = "medborgardialog.citizen.replies";

    private final CaseStatusStore store;
    private final CaseStatusProjection projection;
    private final IdempotentPublishing publishing;
    private final EventSeal seal;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter replies;

    CitizenReplies(CaseStatusStore store, CaseStatusProjection projection, IdempotentPublishing publishing,
            EventSeal seal, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.projection = projection;
        this.publishing = publishing;
        this.seal = seal;
        this.json = json;
        this.clock = clock;
        this.replies = Counter.builder(METRIC).description("Citizens' replies to officers' questions, published")
                .register(meters);
    }

    /**
     * @param idempotencyKey the client's key or the form's token, or null for none
     * @throws InvalidRequestException                                             malformed code, or bad text (400)
     * @throws UnknownTrackingCodeException                                        no case follows the code (404)
     * @throws NoQuestionPendingException                                          the case does not wait for a reply (409)
     * @throws se.medborgardialog.intake.publishing.IdempotencyConflictException   the key was used for another reply
     * @throws se.medborgardialog.intake.publishing.EventNotAcknowledgedException Kafka did not acknowledge (503)
     */
    CitizenReplyReceipt reply(String typedCode, String text, String idempotencyKey) {
        String code = TrackingCodeFormat.canonical(typedCode).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldViolation("trackingCode", StatusLookup.MALFORMED))));
        CaseStatus status = store.findByCode(code).orElseThrow(UnknownTrackingCodeException::new);
        String reply = checked(text);
        String requestHash = publishing.requestHash(new CitizenReplyRequest(reply), "citizen-reply:" + code, null);
        AtomicBoolean prepared = new AtomicBoolean();
        CitizenReplyReceipt receipt = publishing.publishOnce(idempotencyKey, requestHash,
                () -> prepare(status, code, reply, prepared), CitizenReplyReceipt.class);
        if (prepared.get()) {
            replies.increment();
            log.info("Citizen replied to the officer's question on case {} (reply {})", status.id(), receipt.replyId());
        }
        // Kafka has it: the status page says so at once instead of after the read-back (which then changes nothing).
        projection.on(new CitizenReplied(caseIdOf(status), receipt.replyId(), new TrackingCode(code),
                receipt.repliedAt(), null, null));
        return receipt;
    }

    /** The text as it will be sent (without surrounding blanks). */
    static String checked(String text) {
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty()) {
            throw new InvalidRequestException(new FieldViolation("text", "Skriv ditt svar."));
        }
        if (reply.codePointCount(0, reply.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException(new FieldViolation("text",
                    "Svaret får vara högst " + maxLengthInWords() + " tecken."));
        }
        return reply;
    }

    /** "10 000", as Swedish writes the number. */
    static String maxLengthInWords() {
        return String.format(Locale.ROOT, "%,d", MAX_TEXT_LENGTH).replace(',', ' ');
    }

    /** Only when no earlier attempt with this key exists: the guard, then the event with fresh ids. */
    private Prepared<CitizenReplyReceipt> prepare(CaseStatus status, String code, String text,
            AtomicBoolean prepared) {
        status.checkMayReply();
        prepared.set(true);
        Instant now = clock.instant();
        String replyId = UUID.randomUUID().toString();
        CitizenReplied replied = new CitizenReplied(caseIdOf(status), replyId, new TrackingCode(code), now, text,
                null);
        IntakeEvent event = IntakeEvent.of(status.id(), status.id(), EventTypes.CITIZEN_REPLIED,
                "citizen-replied:" + replyId, now, seal.seal(replied), json);
        return new Prepared<>(event, new CitizenReplyReceipt(replyId, code, now, MESSAGE));
    }

    private static CaseId caseIdOf(CaseStatus status) {
        return new CaseId(UUID.fromString(status.id()));
    }
}
