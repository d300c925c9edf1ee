package se.medborgardialog.reporting.facts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseReopened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EforslagExpired;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * What reporting knows about one case (or e-förslag: its case has the proposal's id), gathered from its events in
 * whatever order they arrived. Every field may still be missing: a deadline event can overtake its {@code CaseOpened}
 * (they travel on different topics). Holds no personal data: no names, contact details, texts, titles or officers.
 *
 * <p>Every transition is a pure function of the fact and one event that is <em>idempotent</em> (applied twice it
 * changes nothing) and <em>commutative</em> with the others (instants are kept as minimum, maximum or sets), so a
 * fact is the same whatever the order and the number of deliveries; {@link Contributions} then decides what it counts.
 *
 * @param revision     one more for every stored change; the compare-and-set of concurrent writers
 * @param receivedDate the {@link ReceiptDate} as {@code YYYY-MM-DD}; present once {@code CaseOpened} arrived
 * @param unit         the unit that has the case: routed when opened, then the one it was last forwarded to
 * @param answeredAt   the first answer
 * @param closedAt     the last closing; {@code closings} and {@code reopenings} hold every one (backlog)
 * @param dueAt        the due time of the reported answer clock ({@code reporting.facts.deadline-clocks})
 * @param clocks       every deadline clock of the case by its name, with its guarantee and outcome
 * @param contributed  what this fact has added to the daily aggregates: cell id → counter → value
 * @param pending      the change to the aggregates not yet confirmed applied (written with the fact, see CaseFacts)
 */
@Document(CaseFact.COLLECTION)
public record CaseFact(
        @Id String id,
        long revision,
        CaseType caseType,
        String receivedDate,
        Instant receivedAt,
        SynpunktKind kind,
        String category,
        String unit,
        Channel channel,
        LegalFlow legalFlow,
        Instant openedAt,
        Instant answeredAt,
        Instant closedAt,
        List<Instant> closings,
        List<Instant> reopenings,
        Instant dueAt,
        DeadlineOutcome deadlineOutcome,
        Instant forwardedAt,
        Map<String, ClockFact> clocks,
        Boolean serious,
        Instant decidedAt,
        Instant ivoReportedAt,
        Instant submittedAt,
        Instant publishedAt,
        Instant thresholdReachedAt,
        Integer signatures,
        Instant signaturesCountedAt,
        Map<String, Map<String, Long>> contributed,
        Pending pending) {

    public static final String COLLECTION = "caseFacts";

    public CaseFact {
        closings = closings == null ? List.of() : List.copyOf(closings);
        reopenings = reopenings == null ? List.of() : List.copyOf(reopenings);
        clocks = clocks == null ? Map.of() : Map.copyOf(clocks);
        contributed = contributed == null ? Map.of() : Map.copyOf(contributed);
    }

    /**
     * One deadline clock of the case.
     *
     * @param guaranteeId the guarantee's id, or the clock's name for a clock from before the catalogue
     * @param metAt       when the clock stopped in time
     * @param breachedAt  the due time it passed (the breach belongs to the day the promise ran out)
     * @param compensated whether the breach carries a compensation
     */
    public record ClockFact(String guaranteeId, se.medborgardialog.contracts.GuaranteeType guaranteeType,
                            Instant dueAt, DeadlineOutcome outcome, Instant metAt, Instant breachedAt,
                            boolean compensated) {
    }

    /**
     * A change of the aggregates written together with the fact, cleared once every cell has it.
     *
     * @param leaseUntil epoch milliseconds until which the writer that wrote it is finishing it; only after that may
     *                   another (after a crash) take it over, so two never finish one change at once
     */
    public record Pending(String token, Map<String, Map<String, Long>> delta, long leaseUntil) {
    }

    public static CaseFact empty(String id) {
        return new Builder(id).build();
    }

    /** The counting rules of the old per-receipt-day cohort ({@code /api/v1/statistics/synpunkter}). */
    public Counts counts() {
        if (receivedDate == null) {
            return Counts.NONE;
        }
        return new Counts(1,
                answeredAt != null ? 1 : 0,
                deadlineOutcome == DeadlineOutcome.MET ? 1 : 0,
                deadlineOutcome == DeadlineOutcome.BREACHED ? 1 : 0,
                closedAt == null ? 1 : 0);
    }

    /** The same case, ignoring what is bookkeeping (revision, contributions, pending): did an event change it? */
    public boolean sameCaseAs(CaseFact other) {
        return Objects.equals(stripped(), other.stripped());
    }

    private CaseFact stripped() {
        Builder b = toBuilder();
        b.revision = 0;
        b.contributed = Map.of();
        b.pending = null;
        return b.build();
    }

    // ---- transitions: each idempotent and order-independent ----

    /** The unit is the routed one only until the case is forwarded (a redelivered opening does not move it back). */
    CaseFact opened(CaseOpened event) {
        Builder b = toBuilder();
        b.caseType = event.caseType() == null ? CaseType.SYNPUNKT : event.caseType();
        b.receivedAt = ms(event.receivedAt());
        b.receivedDate = ReceiptDate.of(event.receivedAt()).toString();
        b.kind = event.kind();
        b.category = event.category();
        b.channel = event.channel() != null ? event.channel() : channel;
        b.legalFlow = event.legalFlow() != null ? event.legalFlow() : legalFlow;
        b.openedAt = ms(event.openedAt());
        if (forwardedAt == null) {
            b.unit = event.unit();
        }
        return b.build();
    }

    /** Only a forwarding later than the last one applied moves the case. */
    CaseFact forwarded(CaseForwarded event) {
        Instant at = ms(event.forwardedAt());
        if (forwardedAt != null && !at.isAfter(forwardedAt)) {
            return this;
        }
        Builder b = toBuilder();
        b.unit = event.toUnit();
        b.forwardedAt = at;
        return b.build();
    }

    /** Should a case be answered again, its first answer is the one that counts. */
    CaseFact answered(CaseAnswered event) {
        Builder b = toBuilder();
        b.answeredAt = min(answeredAt, ms(event.answeredAt()));
        return b.build();
    }

    CaseFact closed(CaseClosed event) {
        Builder b = toBuilder();
        b.closings = withInstant(closings, ms(event.closedAt()));
        b.closedAt = max(closedAt, ms(event.closedAt()));
        return b.build();
    }

    CaseFact reopened(CaseReopened event) {
        Builder b = toBuilder();
        b.reopenings = withInstant(reopenings, ms(event.reopenedAt()));
        return b.build();
    }

    CaseFact deadlineScheduled(DeadlineScheduled event, boolean answerClock) {
        Builder b = toBuilder();
        ClockFact clock = clock(event.clock(), event.guarantee());
        b.clocks = withClock(event.clock(), new ClockFact(clock.guaranteeId(), clock.guaranteeType(),
                clock.dueAt() != null ? clock.dueAt() : ms(event.dueAt()), clock.outcome(), clock.metAt(),
                clock.breachedAt(), clock.compensated()));
        if (answerClock && dueAt == null) {
            b.dueAt = ms(event.dueAt());
        }
        return b.build();
    }

    /** Breached wins: a met arriving after (or duplicated after) a breach leaves the breach standing. */
    CaseFact deadlineMet(DeadlineMet event, boolean answerClock) {
        Builder b = toBuilder();
        ClockFact clock = clock(event.clock(), event.guarantee());
        if (clock.outcome() != DeadlineOutcome.BREACHED) {
            b.clocks = withClock(event.clock(), new ClockFact(clock.guaranteeId(), clock.guaranteeType(),
                    ms(event.dueAt()), DeadlineOutcome.MET, min(clock.metAt(), ms(event.answeredAt())), null, false));
        }
        if (answerClock) {
            b.dueAt = ms(event.dueAt());
            if (deadlineOutcome != DeadlineOutcome.BREACHED) {
                b.deadlineOutcome = DeadlineOutcome.MET;
            }
        }
        return b.build();
    }

    CaseFact deadlineBreached(DeadlineBreached event, boolean answerClock) {
        Builder b = toBuilder();
        ClockFact clock = clock(event.clock(), event.guarantee());
        b.clocks = withClock(event.clock(), new ClockFact(clock.guaranteeId(), clock.guaranteeType(),
                ms(event.dueAt()), DeadlineOutcome.BREACHED, null, ms(event.dueAt()),
                clock.compensated() || event.compensation() != null));
        if (answerClock) {
            b.dueAt = ms(event.dueAt());
            b.deadlineOutcome = DeadlineOutcome.BREACHED;
        }
        return b.build();
    }

    /** The latest decision decides the seriousness; the first IVO report counts. */
    CaseFact avvikelseStep(AvvikelseStepRecorded event) {
        Builder b = toBuilder();
        if (legalFlow == null) {
            b.legalFlow = event.legalFlow();
        }
        Instant at = ms(event.occurredAt() != null ? event.occurredAt() : event.recordedAt());
        if (event.step() == AvvikelseStep.DECIDED && at != null && event.serious() != null
                && (decidedAt == null || at.isAfter(decidedAt)
                    || at.equals(decidedAt) && Boolean.TRUE.equals(event.serious()))) {
            b.decidedAt = at;
            b.serious = event.serious();
        } else if (event.step() == AvvikelseStep.IVO_REPORTED) {
            b.ivoReportedAt = min(ivoReportedAt, at);
        }
        return b.build();
    }

    CaseFact eforslagSubmitted(EforslagSubmitted event) {
        Builder b = eforslag();
        b.category = category != null ? category : event.category();
        b.channel = channel != null ? channel : event.channel();
        b.submittedAt = min(submittedAt, ms(event.submittedAt()));
        return b.build();
    }

    CaseFact eforslagPublished(EforslagPublished event) {
        Builder b = eforslag();
        b.category = category != null ? category : event.category();
        b.publishedAt = min(publishedAt, ms(event.publishedAt()));
        return b.build();
    }

    /** The nämnd that decides it is its unit until case-service opens the case (which names the unit itself). */
    CaseFact eforslagSentToNamnd(EforslagSentToNamnd event) {
        Builder b = eforslag();
        b.category = category != null ? category : event.category();
        b.unit = unit != null ? unit : event.namnd();
        Instant reached = ms(event.thresholdReachedAt() != null ? event.thresholdReachedAt() : event.sentAt());
        b.thresholdReachedAt = min(thresholdReachedAt, reached);
        b.publishedAt = min(publishedAt, ms(event.publishedAt()));
        countSignatures(b, event.signatures(), reached);
        return b.build();
    }

    CaseFact eforslagExpired(EforslagExpired event) {
        Builder b = eforslag();
        countSignatures(b, event.signatures(), ms(event.expiredAt()));
        return b.build();
    }

    /** The final tally counts, once: the highest count reported, on the day of the earliest report of it. */
    private void countSignatures(Builder b, int count, Instant at) {
        if (signatures == null || count > signatures) {
            b.signatures = count;
            b.signaturesCountedAt = at;
        } else if (count == signatures) {
            b.signaturesCountedAt = min(signaturesCountedAt, at);
        }
    }

    private Builder eforslag() {
        Builder b = toBuilder();
        if (caseType == null) {
            b.caseType = CaseType.E_FORSLAG;
        }
        return b;
    }

    CaseFact recorded(long newRevision, Map<String, Map<String, Long>> newContributions, Pending newPending) {
        Builder b = toBuilder();
        b.revision = newRevision;
        b.contributed = newContributions;
        b.pending = newPending;
        return b.build();
    }

    private ClockFact clock(String name, GuaranteeRef guarantee) {
        ClockFact existing = clocks.get(name);
        String id = guarantee != null && guarantee.id() != null ? guarantee.id()
                : existing != null ? existing.guaranteeId() : name;
        var type = guarantee != null && guarantee.type() != null ? guarantee.type()
                : existing != null ? existing.guaranteeType() : null;
        return existing == null ? new ClockFact(id, type, null, null, null, null, false)
                : new ClockFact(id, type, existing.dueAt(), existing.outcome(), existing.metAt(), existing.breachedAt(),
                        existing.compensated());
    }

    private Map<String, ClockFact> withClock(String name, ClockFact clock) {
        Map<String, ClockFact> copy = new HashMap<>(clocks);
        copy.put(name, clock);
        return copy;
    }

    private static List<Instant> withInstant(List<Instant> instants, Instant instant) {
        if (instant == null || instants.contains(instant)) {
            return instants;
        }
        List<Instant> copy = new ArrayList<>(instants);
        copy.add(instant);
        copy.sort(null);
        return copy;
    }

    /** The store keeps milliseconds: comparing a nanosecond instant with a stored one would see a change. */
    static Instant ms(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Builder toBuilder() {
        return new Builder(this);
    }

    private static final class Builder {
        String id;
        long revision;
        CaseType caseType;
        String receivedDate;
        Instant receivedAt;
        SynpunktKind kind;
        String category;
        String unit;
        Channel channel;
        LegalFlow legalFlow;
        Instant openedAt;
        Instant answeredAt;
        Instant closedAt;
        List<Instant> closings;
        List<Instant> reopenings;
        Instant dueAt;
        DeadlineOutcome deadlineOutcome;
        Instant forwardedAt;
        Map<String, ClockFact> clocks;
        Boolean serious;
        Instant decidedAt;
        Instant ivoReportedAt;
        Instant submittedAt;
        Instant publishedAt;
        Instant thresholdReachedAt;
        Integer signatures;
        Instant signaturesCountedAt;
        Map<String, Map<String, Long>> contributed;
        Pending pending;

        Builder(String id) {
            this.id = id;
        }

        Builder(CaseFact f) {
            id = f.id; revision = f.revision; caseType = f.caseType; receivedDate = f.receivedDate;
            receivedAt = f.receivedAt; kind = f.kind; category = f.category; unit = f.unit; channel = f.channel;
            legalFlow = f.legalFlow; openedAt = f.openedAt; answeredAt = f.answeredAt; closedAt = f.closedAt;
            closings = f.closings; reopenings = f.reopenings; dueAt = f.dueAt; deadlineOutcome = f.deadlineOutcome;
            forwardedAt = f.forwardedAt; clocks = f.clocks; serious = f.serious; decidedAt = f.decidedAt;
            ivoReportedAt = f.ivoReportedAt; submittedAt = f.submittedAt; publishedAt = f.publishedAt;
            thresholdReachedAt = f.thresholdReachedAt; signatures = f.signatures;
            signaturesCountedAt = f.signaturesCountedAt; contributed = f.contributed; pending = f.pending;
        }

        CaseFact build() {
            return new CaseFact(id, revision, caseType, receivedDate, receivedAt, kind, category, unit, channel,
                    legalFlow, openedAt, answeredAt, closedAt, closings, reopenings, dueAt, deadlineOutcome,
                    forwardedAt, clocks, serious, decidedAt, ivoReportedAt, submittedAt, publishedAt,
                    thresholdReachedAt, signatures, signaturesCountedAt, contributed, pending);
        }
    }
}
