package se.medborgardialog.cases.avvikelse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.medborgardialog.contracts.AvvikelseStep;

/**
 * What has been recorded of an avvikelse's legal flow, stored in its case document ({@code avvikelse}) so that a step,
 * its history entry and its event are one conditional update of the case. Changed only through {@link AvvikelseCase}'s
 * guarded steps; the texts in it are ciphertext.
 */
public final class Avvikelse {

    private List<InvestigationEntry> entries = new ArrayList<>();
    private List<RiskAssessment> riskAssessments = new ArrayList<>();
    private List<Decision> decisions = new ArrayList<>();
    private IvoReport ivoReport;
    private List<ChainStep> chain = new ArrayList<>();
    private Completion completion;

    Avvikelse() {
        // nothing recorded yet; also for the mapping layer
    }

    /** A copy to change, so a refused or lost step leaves the case as it was read. */
    Avvikelse copy() {
        Avvikelse copy = new Avvikelse();
        copy.entries = new ArrayList<>(entries());
        copy.riskAssessments = new ArrayList<>(riskAssessments());
        copy.decisions = new ArrayList<>(decisions());
        copy.ivoReport = ivoReport;
        copy.chain = new ArrayList<>(chain());
        copy.completion = completion;
        return copy;
    }

    void add(InvestigationEntry entry) {
        entries.add(entry);
    }

    void add(RiskAssessment assessment) {
        riskAssessments.add(assessment);
    }

    void add(Decision decision) {
        decisions.add(decision);
    }

    void add(ChainStep step) {
        chain.add(step);
    }

    void report(IvoReport report) {
        ivoReport = report;
    }

    void complete(Completion done) {
        completion = done;
    }

    public List<InvestigationEntry> entries() {
        return entries == null ? List.of() : List.copyOf(entries);
    }

    /** Oldest first; the last is the current one. */
    public List<RiskAssessment> riskAssessments() {
        return riskAssessments == null ? List.of() : List.copyOf(riskAssessments);
    }

    /** Oldest first; the last is in force, each earlier one superseded by the next. */
    public List<Decision> decisions() {
        return decisions == null ? List.of() : List.copyOf(decisions);
    }

    public Optional<Decision> currentDecision() {
        List<Decision> all = decisions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<IvoReport> ivoReport() {
        return Optional.ofNullable(ivoReport);
    }

    /** The Skollagen 6 kap 10 § steps recorded, in order. */
    public List<ChainStep> chain() {
        return chain == null ? List.of() : List.copyOf(chain);
    }

    public Optional<ChainStep> chainStep(AvvikelseStep step) {
        return chain().stream().filter(recorded -> recorded.step() == step).findFirst();
    }

    public Optional<Completion> completion() {
        return Optional.ofNullable(completion);
    }
}
