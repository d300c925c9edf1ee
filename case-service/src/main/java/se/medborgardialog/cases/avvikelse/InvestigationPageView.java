package se.medborgardialog.cases.avvikelse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import se.medborgardialog.cases.web.Moment;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.LegalFlow;

/**
 * An avvikelse's investigation as the case page shows it: Swedish words, Stockholm times, the texts opened. Holds
 * personal data: build it only inside an audited read. {@code steps} are the forms the avvikelse's state allows now
 * (the step checks again on the post).
 */
record InvestigationPageView(String flow, boolean ivoFlow, boolean skollagen, String seriousTerm, String status,
        List<ChainRow> chain,
        List<EntryRow> entries, List<RiskRow> risks, List<DecisionRow> decisions, IvoRow ivoReport, Steps steps) {

    /** A step of the 6 kap 10 § chain; {@code occurredAt} is null while it is not recorded. */
    record ChainRow(String step, Moment occurredAt, String recordedBy) {
    }

    record EntryRow(int number, String type, String concerns, String source, String text, Moment measureTakenAt,
            String author, Moment recordedAt) {
    }

    record RiskRow(int number, int probability, int consequence, String level, String motivation, String assessedBy,
            Moment assessedAt, boolean current) {
    }

    /** {@code state} says whether it is in force or which decision superseded it. */
    record DecisionRow(int number, String decision, String motivation, String decidedBy, Moment decidedAt,
            String state) {
    }

    record IvoRow(String reportedOn, String ivoReference, String recordedBy, Moment recordedAt) {
    }

    /** The Skollagen step whose form is offered: the next one of the chain. */
    record ChainStepForm(String path, String title, String label) {
    }

    /** The forms the avvikelse's state allows; {@code chainStep} is null when no step of the chain is allowed. */
    record Steps(boolean entry, boolean risk, boolean decision, boolean ivoReport, boolean complete,
            ChainStepForm chainStep) {
    }

    /** The entry types for the entry form's select: wire word, Swedish. */
    static final List<Map.Entry<String, String>> ENTRY_TYPES = Arrays.stream(EntryType.values())
            .map(type -> Map.entry(type.wire(), Swedish.capitalized(type.swedish()))).toList();

    /** The risk matrix's scales (Socialstyrelsen's 1–4), for the risk form's selects. */
    static final List<Map.Entry<String, String>> PROBABILITIES = scale("Mycket liten", "Liten", "Stor", "Mycket stor");
    static final List<Map.Entry<String, String>> CONSEQUENCES = scale("Mindre", "Måttlig", "Betydande",
            "Katastrofal");

    /** The page's path below {@code /arenden/{caseId}/avvikelse/} for each step of the chain. */
    static final Map<AvvikelseStep, String> CHAIN_PATHS = Map.of(
            AvvikelseStep.REPORTED_TO_REKTOR, "anmalan-till-rektor",
            AvvikelseStep.REPORTED_TO_HUVUDMAN, "anmalan-till-huvudman",
            AvvikelseStep.INVESTIGATION_STARTED, "utredning-inledd");

    /** The decision form's choices, in the flow's words (allvarligt missförhållande, allvarlig vårdskada). */
    public List<Map.Entry<String, String>> seriousOptions() {
        return List.of(Map.entry("ja", "Ja, det är " + seriousTerm),
                Map.entry("nej", "Nej, det är inte " + seriousTerm));
    }

    public List<Map.Entry<String, String>> entryTypes() {
        return ENTRY_TYPES;
    }

    public List<Map.Entry<String, String>> probabilities() {
        return PROBABILITIES;
    }

    public List<Map.Entry<String, String>> consequences() {
        return CONSEQUENCES;
    }

    /** @param open opens a stored text (ciphertext) */
    static InvestigationPageView of(AvvikelseCase avvikelse, LegalFlow flow, UnaryOperator<String> open) {
        Avvikelse recorded = avvikelse.recorded();
        List<RiskAssessment> risks = recorded.riskAssessments();
        List<Decision> decisions = recorded.decisions();
        String status = recorded.completion()
                .map(done -> "Utredningen avslutades " + Swedish.dateTime(done.completedAt()) + " av "
                        + done.completedBy() + ".")
                .orElse("Utredningen pågår.");
        return new InvestigationPageView(Swedish.legalFlow(flow), AvvikelseCase.IVO_FLOWS.contains(flow),
                flow == LegalFlow.KRANKANDE_BEHANDLING, avvikelse.seriousTerm(), status,
                AvvikelseCase.CHAIN.stream().map(step -> recorded.chainStep(step)
                        .map(done -> new ChainRow(Swedish.capitalized(AvvikelseCase.swedish(step)),
                                Moment.of(done.occurredAt()), done.recordedBy()))
                        .orElse(new ChainRow(Swedish.capitalized(AvvikelseCase.swedish(step)), null, null))).toList(),
                recorded.entries().stream().map(entry -> new EntryRow(entry.number(),
                        Swedish.capitalized(entry.type().swedish()), Swedish.date(entry.concerns()),
                        open.apply(entry.sourceEncrypted()), open.apply(entry.textEncrypted()),
                        entry.measureTakenAt() == null ? null : Moment.of(entry.measureTakenAt()), entry.author(),
                        Moment.of(entry.recordedAt()))).toList(),
                risks.stream().map(risk -> new RiskRow(risk.number(), risk.probability(), risk.consequence(),
                        Swedish.capitalized(risk.level().swedish()) + " (" + risk.riskValue() + ")",
                        open.apply(risk.motivationEncrypted()), risk.assessedBy(), Moment.of(risk.assessedAt()),
                        risk.number() == risks.size())).toList(),
                decisions.stream().map(decision -> new DecisionRow(decision.number(),
                        Swedish.capitalized((decision.serious() ? "" : "inte ") + avvikelse.seriousTerm()),
                        open.apply(decision.motivationEncrypted()), decision.decidedBy(),
                        Moment.of(decision.decidedAt()), decision.number() == decisions.size() ? "gäller"
                                : "ersatt av beslut " + (decision.number() + 1))).toList(),
                recorded.ivoReport().map(report -> new IvoRow(Swedish.date(report.reportedOn()),
                        report.ivoReference(), report.recordedBy(), Moment.of(report.recordedAt()))).orElse(null),
                new Steps(avvikelse.whyNoEntry().isEmpty(), avvikelse.whyNoRiskAssessment().isEmpty(),
                        avvikelse.whyNoDecision().isEmpty(), avvikelse.whyNoIvoReport().isEmpty(),
                        avvikelse.whyNoCompletion().isEmpty(), nextChainStep(avvikelse)));
    }

    private static ChainStepForm nextChainStep(AvvikelseCase avvikelse) {
        return AvvikelseCase.CHAIN.stream()
                .filter(step -> avvikelse.whyNoChainStep(step).isEmpty())
                .findFirst()
                .map(step -> new ChainStepForm(CHAIN_PATHS.get(step), Swedish.capitalized(AvvikelseCase.swedish(step)),
                        switch (step) {
                            case REPORTED_TO_REKTOR -> "När fick rektor anmälan?";
                            case REPORTED_TO_HUVUDMAN -> "När anmälde rektor till huvudmannen?";
                            default -> "När inledde huvudmannen utredningen?";
                        }))
                .orElse(null);
    }

    private static List<Map.Entry<String, String>> scale(String... words) {
        return IntStream.range(0, words.length)
                .mapToObj(i -> Map.entry(String.valueOf(i + 1), (i + 1) + " – " + words[i])).toList();
    }
}
