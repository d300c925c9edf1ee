package se.medborgardialog.reporting.facts;

import static se.medborgardialog.reporting.facts.IncomingEvents.require;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EforslagExpired;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each counted event type changes a case fact: the fact's id (the case id, which for an e-förslag is its
 * proposal id) and the transition. The live consumers and the rebuild both read events through this one table.
 * Types not in it are ignored (so are {@code DeadlinePaused}, {@code DeadlineResumed}, {@code DeadlineWarning} and
 * {@code DeadlineRescheduled}, which change no figure; and the submissions that carry sealed personal data).
 */
@Component
public class FactEvents {

    /** A change to one fact. */
    public record Change(String factId, UnaryOperator<CaseFact> transition) {
    }

    private final Map<String, Function<byte[], Change>> readers = new HashMap<>();
    private final JsonMapper json;

    FactEvents(JsonMapper json, FactsProperties properties) {
        this.json = json;
        Set<String> answerClocks = new HashSet<>(properties.deadlineClocks());
        on(EventTypes.CASE_OPENED, CaseOpened.class, e -> {
            require(e.caseId(), "caseId");
            require(e.receivedAt(), "receivedAt");
            require(e.unit(), "unit");
            if (e.caseType() == null || e.caseType() == se.medborgardialog.contracts.CaseType.SYNPUNKT) {
                require(e.kind(), "kind");
            }
            return new Change(e.caseId().toString(), fact -> fact.opened(e));
        });
        on(EventTypes.CASE_ANSWERED, CaseAnswered.class, e -> {
            require(e.caseId(), "caseId");
            require(e.answeredAt(), "answeredAt");
            return new Change(e.caseId().toString(), fact -> fact.answered(e));
        });
        on(EventTypes.CASE_CLOSED, CaseClosed.class, e -> {
            require(e.caseId(), "caseId");
            require(e.closedAt(), "closedAt");
            return new Change(e.caseId().toString(), fact -> fact.closed(e));
        });
        on(EventTypes.CASE_REOPENED, CaseReopened.class, e -> {
            require(e.caseId(), "caseId");
            require(e.reopenedAt(), "reopenedAt");
            return new Change(e.caseId().toString(), fact -> fact.reopened(e));
        });
        on(EventTypes.CASE_FORWARDED, CaseForwarded.class, e -> {
            require(e.caseId(), "caseId");
            require(e.toUnit(), "toUnit");
            require(e.forwardedAt(), "forwardedAt");
            return new Change(e.caseId().toString(), fact -> fact.forwarded(e));
        });
        on(EventTypes.AVVIKELSE_STEP_RECORDED, AvvikelseStepRecorded.class, e -> {
            require(e.caseId(), "caseId");
            require(e.step(), "step");
            return new Change(e.caseId().toString(), fact -> fact.avvikelseStep(e));
        });
        on(EventTypes.DEADLINE_SCHEDULED, DeadlineScheduled.class, e -> {
            require(e.caseId(), "caseId");
            require(e.clock(), "clock");
            return new Change(e.caseId().toString(), fact -> fact.deadlineScheduled(e, answerClocks.contains(e.clock())));
        });
        on(EventTypes.DEADLINE_MET, DeadlineMet.class, e -> {
            require(e.caseId(), "caseId");
            require(e.clock(), "clock");
            return new Change(e.caseId().toString(), fact -> fact.deadlineMet(e, answerClocks.contains(e.clock())));
        });
        on(EventTypes.DEADLINE_BREACHED, DeadlineBreached.class, e -> {
            require(e.caseId(), "caseId");
            require(e.clock(), "clock");
            require(e.dueAt(), "dueAt");
            return new Change(e.caseId().toString(), fact -> fact.deadlineBreached(e, answerClocks.contains(e.clock())));
        });
        on(EventTypes.EFORSLAG_SUBMITTED, EforslagSubmitted.class, e -> {
            require(e.proposalId(), "proposalId");
            return new Change(e.proposalId().toString(), fact -> fact.eforslagSubmitted(e));
        });
        on(EventTypes.EFORSLAG_PUBLISHED, EforslagPublished.class, e -> {
            require(e.proposalId(), "proposalId");
            return new Change(e.proposalId().toString(), fact -> fact.eforslagPublished(e));
        });
        on(EventTypes.EFORSLAG_SENT_TO_NAMND, EforslagSentToNamnd.class, e -> {
            require(e.proposalId(), "proposalId");
            return new Change(e.proposalId().toString(), fact -> fact.eforslagSentToNamnd(e));
        });
        on(EventTypes.EFORSLAG_EXPIRED, EforslagExpired.class, e -> {
            require(e.proposalId(), "proposalId");
            require(e.expiredAt(), "expiredAt");
            return new Change(e.proposalId().toString(), fact -> fact.eforslagExpired(e));
        });
    }

    private <T> void on(String type, Class<T> eventClass, Function<T, Change> change) {
        readers.put(type, payload -> change.apply(json.readValue(payload, eventClass)));
    }

    public boolean counts(String type) {
        return type != null && readers.containsKey(type);
    }

    /** The change an event makes, or empty for a type that counts nothing. Throws on an unreadable payload. */
    public Optional<Change> read(String type, byte[] payload) {
        Function<byte[], Change> reader = type == null ? null : readers.get(type);
        return reader == null ? Optional.empty() : Optional.of(reader.apply(payload));
    }
}
