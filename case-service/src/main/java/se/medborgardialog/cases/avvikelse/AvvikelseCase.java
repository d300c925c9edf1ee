package se.medborgardialog.cases.avvikelse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStatus;
import se.medborgardialog.cases.casework.HistoryEntry;
import se.medborgardialog.cases.casework.IllegalCaseTransitionException;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.LegalFlow;

/**
 * The guarded legal steps of one avvikelse case (DOMAIN.md). Each step works on a copy of the stored
 * {@link Avvikelse} and returns it with the history entry (no personal data) and, when the step is announced, the
 * {@code AvvikelseStepRecorded}; the store writes all three in one conditional update. A step the state does not
 * allow is refused with an {@link IllegalCaseTransitionException} in Swedish, and nothing changes.
 *
 * <p>Rules:
 * <ul>
 * <li>Nothing is recorded on a closed case, nor added to a completed investigation.</li>
 * <li>Investigation entries: every flow; under 6 kap 10 § skollagen only once the huvudman started the
 * investigation. The first entry of the other flows announces {@code INVESTIGATION_STARTED}.</li>
 * <li>Risk assessment, decision and IVO report: lex Sarah and lex Maria only. A new decision supersedes the one in
 * force (both stay); none after the IVO report. Lex Sarah decides within the investigation (an entry first).</li>
 * <li>IVO report: once, and only when the decision in force is serious. Lex Sarah reports "with the
 * investigation", so only once it is completed; lex Maria reports "snarast" after the event and may report before
 * the investigation is complete, but not after: a serious vårdskada's investigation completes only once reported.</li>
 * <li>Completion: at least one entry; lex Sarah and lex Maria need a decision.</li>
 * <li>Skollagen 6 kap 10 § (kränkande behandling only): reported to the rektor, the rektor reported to the
 * huvudman, the huvudman started the investigation; each once, in that order, none dated before the previous.</li>
 * </ul>
 */
final class AvvikelseCase {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Set<LegalFlow> IVO_FLOWS = EnumSet.of(LegalFlow.LEX_SARAH, LegalFlow.LEX_MARIA);
    /** The Skollagen 6 kap 10 § chain, in its order. */
    static final List<AvvikelseStep> CHAIN = List.of(AvvikelseStep.REPORTED_TO_REKTOR,
            AvvikelseStep.REPORTED_TO_HUVUDMAN, AvvikelseStep.INVESTIGATION_STARTED);

    /**
     * What a step changed.
     *
     * @param event    null when the step is not announced (an investigation entry after the first)
     * @param eventKey tells this occurrence of the step from the others of the case, for the event's deterministic id
     */
    record Step(Avvikelse avvikelse, HistoryEntry history, AvvikelseStepRecorded event, String eventKey) {
    }

    private final Case aCase;
    private final LegalFlow flow;
    private final Avvikelse recorded;

    AvvikelseCase(Case aCase) {
        this(aCase, aCase.avvikelse() == null ? new Avvikelse() : aCase.avvikelse());
    }

    /** The case with {@code recorded} as its avvikelse's state, e.g. as a step left it. */
    AvvikelseCase(Case aCase, Avvikelse recorded) {
        if (aCase.caseType() != CaseType.AVVIKELSE) {
            throw new IllegalArgumentException("Not an avvikelse: " + aCase.caseId());
        }
        this.aCase = aCase;
        this.flow = Objects.requireNonNull(aCase.legalFlow(), "legalFlow");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    /** What is recorded so far (never null). */
    Avvikelse recorded() {
        return recorded;
    }

    Step addEntry(EntryType type, LocalDate concerns, String sourceEncrypted, String textEncrypted,
            Instant measureTakenAt, String author, Instant now) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(concerns, "concerns");
        if ((type == EntryType.ATGARD) != (measureTakenAt != null)) {
            throw new IllegalArgumentException("measureTakenAt is for a measure, and only for one");
        }
        refuseIf(whyNoEntry());
        Avvikelse next = recorded.copy();
        int number = recorded.entries().size() + 1;
        next.add(new InvestigationEntry(number, type, concerns, Objects.requireNonNull(sourceEncrypted, "source"),
                Objects.requireNonNull(textEncrypted, "text"), measureTakenAt, author, now));
        // under 6 kap 10 § the huvudman's step started the investigation; elsewhere the first entry does
        boolean starts = number == 1 && flow != LegalFlow.KRANKANDE_BEHANDLING;
        String what = (starts ? "avvikelse: utredningen inledd, " : "avvikelse: utredningsanteckning, ") + type.swedish();
        return starts ? announced(next, what, AvvikelseStep.INVESTIGATION_STARTED, now, null, author, now, 1)
                : new Step(next, new HistoryEntry(what, author, now), null, null);
    }

    Step assessRisk(int probability, int consequence, String motivationEncrypted, String assessor, Instant now) {
        RiskLevel level = RiskLevel.of(probability, consequence);
        refuseIf(whyNoRiskAssessment());
        Avvikelse next = recorded.copy();
        int number = recorded.riskAssessments().size() + 1;
        int value = RiskLevel.value(probability, consequence);
        next.add(new RiskAssessment(number, probability, consequence, value, level,
                Objects.requireNonNull(motivationEncrypted, "motivation"), assessor, now));
        String what = "avvikelse: risk bedömd, sannolikhet " + probability + " och konsekvens " + consequence
                + " ger risknivå " + level.swedish() + " (" + value + ")";
        return announced(next, what, AvvikelseStep.RISK_ASSESSED, now, null, assessor, now, number);
    }

    Step decide(boolean serious, String motivationEncrypted, String decider, Instant now) {
        refuseIf(whyNoDecision());
        Avvikelse next = recorded.copy();
        Integer supersedes = recorded.currentDecision().map(Decision::number).orElse(null);
        int number = recorded.decisions().size() + 1;
        next.add(new Decision(number, serious, Objects.requireNonNull(motivationEncrypted, "motivation"), decider, now,
                supersedes));
        String what = (supersedes == null ? "avvikelse: beslut, " : "avvikelse: ändrat beslut (ersätter beslut "
                + supersedes + "), ") + (serious ? "" : "inte ") + seriousTerm();
        return announced(next, what, AvvikelseStep.DECIDED, now, serious, decider, now, number);
    }

    Step reportToIvo(LocalDate reportedOn, String ivoReference, String reporter, Instant now) {
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(ivoReference, "ivoReference");
        refuseIf(whyNoIvoReport());
        Avvikelse next = recorded.copy();
        next.report(new IvoReport(reportedOn, ivoReference, reporter, now));
        String what = "avvikelse: anmäld till IVO " + reportedOn + ", IVO:s diarienummer " + ivoReference;
        return announced(next, what, AvvikelseStep.IVO_REPORTED, reportedOn.atStartOfDay(STOCKHOLM).toInstant(), null,
                reporter, now, 1);
    }

    Step complete(String completer, Instant now) {
        refuseIf(whyNoCompletion());
        Avvikelse next = recorded.copy();
        next.complete(new Completion(completer, now));
        return announced(next, "avvikelse: utredningen avslutad", AvvikelseStep.INVESTIGATION_COMPLETED, now, null,
                completer, now, 1);
    }

    Step recordChainStep(AvvikelseStep step, Instant occurredAt, String recorder, Instant now) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        int position = chainPosition(step);
        refuseIf(whyNoChainStep(step));
        if (position > 0) {
            AvvikelseStep before = CHAIN.get(position - 1);
            ChainStep previous = recorded.chainStep(before).orElseThrow();
            if (occurredAt.isBefore(previous.occurredAt())) {
                refuse(capitalized(swedish(step)) + " kan inte ha skett före " + swedish(before) + " ("
                        + local(previous.occurredAt()) + ").");
            }
        }
        Avvikelse next = recorded.copy();
        next.add(new ChainStep(step, occurredAt, recorder, now));
        return announced(next, "avvikelse: " + swedish(step) + " " + local(occurredAt), step, occurredAt, null,
                recorder, now, 1);
    }

    static String swedish(AvvikelseStep step) {
        return switch (step) {
            case REPORTED_TO_REKTOR -> "anmälan till rektor";
            case REPORTED_TO_HUVUDMAN -> "rektors anmälan till huvudmannen";
            case INVESTIGATION_STARTED -> "huvudmannens utredning";
            default -> step.name();
        };
    }

    /** "allvarligt missförhållande" (lex Sarah) or "allvarlig vårdskada" (lex Maria). */
    String seriousTerm() {
        return flow == LegalFlow.LEX_MARIA ? "allvarlig vårdskada" : "allvarligt missförhållande";
    }

    /*
     * Why the state refuses a step now, in Swedish; empty when it allows it. The steps refuse with these, and the
     * case page asks them to offer only the steps the state allows. What a step's arguments may refuse (a chain
     * step dated before the previous one) is checked in the step itself.
     */

    Optional<String> whyNoEntry() {
        return underInvestigation().or(() -> refusedWhen(flow == LegalFlow.KRANKANDE_BEHANDLING
                        && recorded.chainStep(AvvikelseStep.INVESTIGATION_STARTED).isEmpty(),
                "Huvudmannen har inte inlett någon utredning ännu; registrera det först (6 kap. 10 § skollagen)."));
    }

    Optional<String> whyNoRiskAssessment() {
        return ivoFlow("En risk- och konsekvensbedömning").or(this::underInvestigation);
    }

    Optional<String> whyNoDecision() {
        return ivoFlow("Beslut om allvarlighet").or(this::underInvestigation)
                .or(() -> recorded.ivoReport().map(report ->
                        "Anmälan till IVO är redan registrerad; beslutet kan inte längre ändras."))
                .or(() -> refusedWhen(flow == LegalFlow.LEX_SARAH && recorded.entries().isEmpty(),
                        "Lex Sarah: beslutet fattas i utredningen; dokumentera utredningen innan beslutet registreras."));
    }

    Optional<String> whyNoIvoReport() {
        return openCase().or(() -> ivoFlow("Anmälan till IVO"))
                .or(() -> recorded.ivoReport().map(report ->
                        "Anmälan till IVO är redan registrerad (IVO:s diarienummer " + report.ivoReference() + ")."))
                .or(() -> refusedWhen(recorded.currentDecision().isEmpty(),
                        "Det finns inget beslut om att det är " + seriousTerm() + "; bara det anmäls till IVO."))
                .or(() -> recorded.currentDecision().filter(decision -> !decision.serious()).map(decision ->
                        "Beslutet är att det inte är " + seriousTerm() + "; då görs ingen anmälan till IVO."))
                .or(() -> refusedWhen(flow == LegalFlow.LEX_SARAH && recorded.completion().isEmpty(),
                        "Lex Sarah: anmälan till IVO görs med utredningen; avsluta utredningen först."));
    }

    Optional<String> whyNoCompletion() {
        return underInvestigation()
                .or(() -> refusedWhen(recorded.entries().isEmpty(),
                        "Utredningen har inga anteckningar; dokumentera den innan den avslutas."))
                .or(() -> refusedWhen(IVO_FLOWS.contains(flow) && recorded.currentDecision().isEmpty(),
                        "Beslut om allvarlighet saknas; fatta beslutet innan utredningen avslutas."))
                .or(() -> refusedWhen(flow == LegalFlow.LEX_MARIA
                                && recorded.currentDecision().filter(Decision::serious).isPresent()
                                && recorded.ivoReport().isEmpty(),
                        "Lex Maria: en allvarlig vårdskada anmäls till IVO senast när utredningen avslutas; "
                                + "registrera anmälan först."));
    }

    Optional<String> whyNoChainStep(AvvikelseStep step) {
        int position = chainPosition(step);
        return openCase()
                .or(() -> refusedWhen(flow != LegalFlow.KRANKANDE_BEHANDLING,
                        "Kedjan i 6 kap. 10 § skollagen gäller bara kränkande behandling."))
                .or(() -> recorded.chainStep(step).map(done -> capitalized(swedish(step)) + " är redan registrerad ("
                        + local(done.occurredAt()) + ")."))
                .or(() -> position == 0 ? Optional.empty()
                        : refusedWhen(recorded.chainStep(CHAIN.get(position - 1)).isEmpty(), capitalized(swedish(step))
                                + " kan inte registreras före " + swedish(CHAIN.get(position - 1)) + "."));
    }

    private static int chainPosition(AvvikelseStep step) {
        int position = CHAIN.indexOf(step);
        if (position < 0) {
            throw new IllegalArgumentException("Not a step of the Skollagen chain: " + step);
        }
        return position;
    }

    private Step announced(Avvikelse next, String what, AvvikelseStep step, Instant occurredAt, Boolean serious,
            String by, Instant now, int occurrence) {
        var event = new AvvikelseStepRecorded(aCase.caseId(), aCase.unit(), flow, step,
                occurredAt, serious, by, now);
        return new Step(next, new HistoryEntry(what, by, now), event, step.name() + ":" + occurrence);
    }

    private Optional<String> openCase() {
        return refusedWhen(aCase.status() == CaseStatus.CLOSED,
                "Ärendet är avslutat; avvikelsens steg kan inte längre registreras.");
    }

    private Optional<String> underInvestigation() {
        return openCase().or(() -> recorded.completion().map(done ->
                "Utredningen är avslutad; inget mer kan läggas till."));
    }

    private Optional<String> ivoFlow(String what) {
        return refusedWhen(!IVO_FLOWS.contains(flow), what + " gäller bara lex Sarah och lex Maria.");
    }

    private static Optional<String> refusedWhen(boolean refused, String swedishReason) {
        return refused ? Optional.of(swedishReason) : Optional.empty();
    }

    private void refuseIf(Optional<String> swedishReason) {
        swedishReason.ifPresent(this::refuse);
    }

    private void refuse(String swedishMessage) {
        throw new IllegalCaseTransitionException(aCase, swedishMessage);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String local(Instant instant) {
        return LOCAL_TIME.format(instant.atZone(STOCKHOLM));
    }
}
