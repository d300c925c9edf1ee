package se.medborgardialog.cases.casework;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.Colleagues;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseAssigned;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseLinkType;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.CasesLinked;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.DecisionDemanded;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.TrackingCode;

/**
 * Officers' commands on a case: load, guarded transition, one conditional write with the events, publish. Every
 * command names a case of the officer's units; any other case is missing (404), so its existence does not leak.
 */
@Service
public class CaseWork {

    private static final Logger log = LoggerFactory.getLogger(CaseWork.class);
    /** A citizen's reply races with officers' changes only rarely; this many fresh tries before the binder retries. */
    private static final int REPLY_ATTEMPTS = 3;
    private static final Map<Class<?>, String> EVENT_TYPES = Map.of(
            CaseAnswered.class, EventTypes.CASE_ANSWERED,
            CaseClosed.class, EventTypes.CASE_CLOSED,
            CaseAssigned.class, EventTypes.CASE_ASSIGNED,
            CaseForwarded.class, EventTypes.CASE_FORWARDED,
            CitizenInfoRequested.class, EventTypes.CITIZEN_INFO_REQUESTED,
            CitizenInfoReceived.class, EventTypes.CITIZEN_INFO_RECEIVED,
            CaseReopened.class, EventTypes.CASE_REOPENED,
            CasesLinked.class, EventTypes.CASES_LINKED,
            DecisionDemanded.class, EventTypes.DECISION_DEMANDED);

    private final CaseStore store;
    private final CaseOutbox outbox;
    private final CaseEventPublisher events;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;
    private final Colleagues colleagues;
    private final KnownUnits units;

    CaseWork(CaseStore store, CaseOutbox outbox, CaseEventPublisher events, Clock clock,
            ApplicationEventPublisher inProcess, Colleagues colleagues, KnownUnits units) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.inProcess = inProcess;
        this.colleagues = colleagues;
        this.units = units;
    }

    /** The outcome of a command: the case as written, and whether Kafka already has its events. */
    public record Done(Case aCase, boolean published) {
    }

    /**
     * A case the caller may not see (another unit's; an avvikelse without the law's role, {@link CaseAccess}) is
     * reported as missing, so its existence does not leak.
     */
    public Case caseFor(CaseId caseId, Set<String> callerUnits) {
        return store.find(caseId)
                .filter(aCase -> CaseAccess.maySee(callerUnits, aCase))
                .orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
    }

    /** The links of a case both ways: those made from it, and those other cases made to it. */
    public List<LinkView> links(Case aCase) {
        return LinkView.of(aCase, store.linkedTo(List.of(aCase.caseId().toString())));
    }

    public Done answer(CaseId caseId, String text, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.answer(text, officer, now)));
    }

    public Done close(CaseId caseId, CaseOutcome outcome, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.close(outcome, officer, now)));
    }

    public Done claim(CaseId caseId, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.claim(officer, now)));
    }

    public Done assign(CaseId caseId, String colleague, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits,
                (aCase, now) -> List.of(aCase.assign(colleagueIn(aCase, colleague), officer, now)));
    }

    public Done reassign(CaseId caseId, String colleague, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits,
                (aCase, now) -> List.of(aCase.reassign(colleagueIn(aCase, colleague), officer, now)));
    }

    public Done release(CaseId caseId, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.release(officer, now)));
    }

    public Done forward(CaseId caseId, String toUnit, String reason, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> {
            if (!units.contains(toUnit)) {
                throw new InvalidFieldException("unit", "Okänd enhet: " + toUnit + ".");
            }
            return List.of(aCase.forward(toUnit, reason, officer, now));
        });
    }

    public Done askCitizen(CaseId caseId, String question, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.askCitizen(question, officer, now)));
    }

    /** A reply the officer took by phone or letter. */
    public Done registerCitizenReply(CaseId caseId, String text, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.receiveCitizenReply(
                stepId(aCase, "reply"), text, officer, now, now)));
    }

    public Done addNote(CaseId caseId, String text, String author, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> {
            aCase.addNote(text, author, now);
            return List.of();
        });
    }

    public Done reopen(CaseId caseId, String reason, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> List.of(aCase.reopen(reason, officer, now)));
    }

    /**
     * The party demanded a decision (Förvaltningslagen 12 §), by letter or in person; {@code demandedAt} null means
     * now. A time in the future or before the case was received is a {@code 400} naming {@code demandedAt}.
     */
    public Done demandDecision(CaseId caseId, Instant demandedAt, String officer, Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> {
            Instant when = demandedAt == null ? now : demandedAt;
            if (when.isAfter(now)) {
                throw new InvalidFieldException("demandedAt", "Begäran kan inte ha kommit in i framtiden.");
            }
            if (aCase.receivedAt() != null && when.isBefore(aCase.receivedAt())) {
                throw new InvalidFieldException("demandedAt",
                        "Begäran kan inte ha kommit in innan ärendet kom in.");
            }
            return List.of(aCase.demandDecision(when, officer, now));
        });
    }

    /**
     * Links two cases of the officer's units ({@code duplicate-of} merges this one into the other). Only this case
     * is written: the other one shows the link through a query, so no second write can fail half-way.
     */
    public Done link(CaseId caseId, CaseId otherId, CaseLinkType relation, String officer,
            Set<String> officerUnits) {
        return change(caseId, officerUnits, (aCase, now) -> {
            Case other = caseFor(otherId, officerUnits);
            if (relation == CaseLinkType.DUPLICATE_OF) {
                Case.Merged merged = aCase.mergeInto(other, officer, now);
                return List.of(merged.linked(), merged.closed());
            }
            return List.of(aCase.linkTo(other, officer, now));
        });
    }

    /**
     * The citizen replied on the status page ({@code CitizenReplied}). Idempotent on the reply id. A reply for a case
     * that does not exist, or that carries another case's tracking code, fails (the binder retries it, then
     * dead-letters it for someone to look at); a reply to a case that no longer waits is kept on the case, with no
     * event, so none of the citizen's words are lost.
     *
     * @return {@code processed}, {@code duplicate}, or {@code late} when the case did not wait for it
     */
    public String citizenReplied(CaseId caseId, String replyId, TrackingCode trackingCode, Instant repliedAt,
            String text) {
        Objects.requireNonNull(replyId, "replyId");
        for (int attempt = 1; ; attempt++) {
            Case aCase = store.find(caseId).orElseThrow(() -> new IllegalStateException(
                    "Reply " + replyId + " is for case " + caseId + ", which does not exist"));
            if (trackingCode != null && !trackingCode.equals(aCase.trackingCode())) {
                throw new IllegalStateException("Reply " + replyId + " carries another tracking code than case "
                        + caseId);
            }
            if (aCase.hasReply(replyId)) {
                log.info("Reply {} already kept on case {}; nothing new", replyId, caseId);
                outbox.flushInOrder(aCase);
                return "duplicate";
            }
            Instant now = clock.instant();
            Instant receivedAt = repliedAt == null ? now : repliedAt;
            try {
                if (aCase.status() != CaseStatus.WAITING_FOR_CITIZEN) {
                    aCase.keepLateCitizenReply(replyId, text, receivedAt, now);
                    store.commit(aCase, List.of());
                    log.info("Reply {} kept on case {}, which is {} and did not wait for it", replyId, caseId,
                            aCase.status());
                    return "late";
                }
                commitAndPublish(aCase, now, List.of(aCase.receiveCitizenReply(replyId, text,
                        CitizenReply.CITIZEN, receivedAt, now)));
                return "processed";
            } catch (ConcurrentCaseChangeException changed) {
                if (attempt == REPLY_ATTEMPTS) {
                    throw changed;
                }
                log.info("Case {} changed while reply {} was kept; reading it again", caseId, replyId);
            }
        }
    }

    /** The colleague to give a case to: a staff member of the case's unit, else 400 naming {@code assignee}. */
    private String colleagueIn(Case aCase, String username) {
        return colleagues.find(username)
                .filter(colleague -> colleague.worksIn(aCase.unit()))
                .map(Colleagues.Colleague::username)
                .orElseThrow(() -> new InvalidFieldException("assignee",
                        "Ingen handläggare med användarnamnet " + username + " arbetar på " + aCase.unit() + "."));
    }

    private static String stepId(Case aCase, String kind) {
        return UUID.nameUUIDFromBytes((aCase.caseId() + ":" + kind + ":" + aCase.version())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A transition on a loaded case: returns the events it announces, in order (none for a note). */
    private interface Transition {
        List<Object> apply(Case aCase, Instant now);
    }

    private Done change(CaseId caseId, Set<String> officerUnits, Transition transition) {
        Case aCase = caseFor(caseId, officerUnits);
        Instant now = clock.instant();
        List<Object> announced = transition.apply(aCase, now);
        return commitAndPublish(aCase, now, announced);
    }

    private Done commitAndPublish(Case aCase, Instant now, List<Object> announced) {
        List<PendingEvent> pending = new ArrayList<>();
        String occurrence = String.valueOf(aCase.version());
        for (Object event : announced) {
            pending.add(events.pending(aCase.caseId(), typeOf(event), event, now, occurrence));
        }
        List<CaseMail> queuedMails = aCase.queuedMails();
        store.commit(aCase, pending);
        log.info("Case {} is now {}", aCase.caseId(), aCase.status());
        Case written = store.find(aCase.caseId()).orElse(aCase);
        // earlier events still pending (a broker outage) go first, so consumers see the case's events in order
        boolean published = outbox.flushInOrder(written);
        for (CaseMail mail : queuedMails) {
            // stored with the change; sent now by the mail feature, or later by its relay
            inProcess.publishEvent(new CaseMailQueued(aCase.caseId(), mail.mailId()));
        }
        return new Done(written, published);
    }

    private static String typeOf(Object event) {
        String type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("No event type for " + event.getClass().getSimpleName());
        }
        return type;
    }
}
