package se.medborgardialog.cases.avvikelse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseNotFoundException;
import se.medborgardialog.cases.casework.CaseOutbox;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.CaseWork;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The avvikelse's legal steps: load the case (only for staff with the law's role), take the guarded step on it,
 * write the step with its history entry and {@code AvvikelseStepRecorded} in one conditional update of the case,
 * then publish the case's pending events in order. The texts are encrypted before they reach the case and are never
 * logged.
 */
@Service
class AvvikelseWork {

    private static final Logger log = LoggerFactory.getLogger(AvvikelseWork.class);
    /** Why staff read an investigation's personal data, in the audit log. */
    static final String READ_PURPOSE = "utredning av avvikelse";

    /*
     * The input's limits, the same for the API and the officers' page; the messages name the limit through {max}.
     */
    static final int MAX_SOURCE = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_RISK_MOTIVATION = 2000;
    static final int MAX_DECISION_MOTIVATION = 4000;
    static final int MAX_IVO_REFERENCE = 50;
    static final String IVO_REFERENCE = "[\\p{L}0-9 .:/-]*";
    static final String TOO_LONG_SOURCE = "Källan får vara högst {max} tecken.";
    static final String TOO_LONG_TEXT = "Anteckningen får vara högst {max} tecken.";
    static final String TOO_LONG_MOTIVATION = "Motiveringen får vara högst {max} tecken.";
    static final String TOO_LONG_IVO_REFERENCE = "IVO:s diarienummer får vara högst {max} tecken.";
    static final String BAD_IVO_REFERENCE = "IVO:s diarienummer får bara innehålla bokstäver, siffror, mellanslag "
            + "och . : / -";

    private final CaseStore store;
    private final CaseOutbox outbox;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    AvvikelseWork(CaseStore store, CaseOutbox outbox, PersonalDataCipher cipher, JsonMapper json, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The avvikelse case, if {@code user} may see it; a case they may not see, and a case that is no avvikelse (it
     * has no avvikelse to show), answer 404.
     */
    Case avvikelseCase(CaseId caseId, StaffUser user) {
        return store.find(caseId)
                .filter(aCase -> CaseAccess.maySee(user, aCase))
                .filter(aCase -> aCase.caseType() == CaseType.AVVIKELSE)
                .orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
    }

    String open(String ciphertext) {
        return ciphertext == null ? null : cipher.decrypt(ciphertext);
    }

    /**
     * The input's own rules, checked before the case is read, as for the API's and the page's other input: the date
     * not in the future, and the time a measure was taken given for a measure and only for one.
     */
    CaseWork.Done addEntry(CaseId caseId, EntryType type, LocalDate concerns, String source, String text,
            Instant measureTakenAt, StaffUser user) {
        notInTheFuture("concerns", concerns);
        if (type == EntryType.ATGARD && measureTakenAt == null) {
            throw new InvalidFieldException("measureTakenAt", "Ange när åtgärden vidtogs.");
        }
        if (type != EntryType.ATGARD && measureTakenAt != null) {
            throw new InvalidFieldException("measureTakenAt",
                    "Tidpunkt för åtgärd anges bara för en åtgärd (typen atgard).");
        }
        return step(caseId, user, (avvikelse, now) -> avvikelse.addEntry(type, concerns, cipher.encrypt(source),
                cipher.encrypt(text), measureTakenAt, user.getUsername(), now));
    }

    CaseWork.Done assessRisk(CaseId caseId, int probability, int consequence, String motivation, StaffUser user) {
        return step(caseId, user, (avvikelse, now) -> avvikelse.assessRisk(probability, consequence,
                cipher.encrypt(motivation), user.getUsername(), now));
    }

    CaseWork.Done decide(CaseId caseId, boolean serious, String motivation, StaffUser user) {
        return step(caseId, user, (avvikelse, now) -> avvikelse.decide(serious, cipher.encrypt(motivation),
                user.getUsername(), now));
    }

    CaseWork.Done reportToIvo(CaseId caseId, LocalDate reportedOn, String ivoReference, StaffUser user) {
        notInTheFuture("reportedOn", reportedOn);
        return step(caseId, user, (avvikelse, now) -> avvikelse.reportToIvo(reportedOn, ivoReference,
                user.getUsername(), now));
    }

    CaseWork.Done complete(CaseId caseId, StaffUser user) {
        return step(caseId, user, (avvikelse, now) -> avvikelse.complete(user.getUsername(), now));
    }

    CaseWork.Done recordChainStep(CaseId caseId, AvvikelseStep step, Instant occurredAt, StaffUser user) {
        if (occurredAt.isAfter(clock.instant())) {
            throw new InvalidFieldException("occurredAt", "Tidpunkten får inte ligga i framtiden.");
        }
        return step(caseId, user, (avvikelse, now) -> avvikelse.recordChainStep(step, occurredAt, user.getUsername(),
                now));
    }

    private void notInTheFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock.withZone(AvvikelseCase.STOCKHOLM)))) {
            throw new InvalidFieldException(field, "Datumet får inte ligga i framtiden.");
        }
    }

    private CaseWork.Done step(CaseId caseId, StaffUser user,
            BiFunction<AvvikelseCase, Instant, AvvikelseCase.Step> takeStep) {
        Case aCase = avvikelseCase(caseId, user);
        Instant now = clock.instant();
        AvvikelseCase.Step step = takeStep.apply(new AvvikelseCase(aCase), now);
        PendingEvent event = step.event() == null ? null : new PendingEvent(eventId(caseId, step.eventKey()),
                EventTypes.AVVIKELSE_STEP_RECORDED, caseId.toString(), now, json.writeValueAsString(step.event()));
        store.commitAvvikelse(aCase, step.avvikelse(), step.history(), event);
        log.info("Avvikelse step {} recorded on case {}", step.event() == null ? "entry" : step.event().step(), caseId);
        Case written = store.find(caseId).orElse(aCase);
        // earlier events still pending (a broker outage) go first, so consumers see the case's events in order
        return new CaseWork.Done(written, outbox.flushInOrder(written));
    }

    /** Deterministic per occurrence of a step, so a re-publish after a crash is a duplicate consumers drop. */
    static String eventId(CaseId caseId, String eventKey) {
        return UUID.nameUUIDFromBytes((caseId + ":" + EventTypes.AVVIKELSE_STEP_RECORDED + ":" + eventKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
