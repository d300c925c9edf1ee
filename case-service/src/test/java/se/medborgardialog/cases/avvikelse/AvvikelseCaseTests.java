package se.medborgardialog.cases.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.IllegalCaseTransitionException;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;

class AvvikelseCaseTests {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    /** An avvikelse case of {@code flow} and what its steps recorded so far; each step returns the next state. */
    private static final class Flow {

        private final Case aCase;
        private AvvikelseCase current;

        Flow(LegalFlow flow) {
            Law law = switch (flow) {
                case LEX_SARAH -> Law.SOL;
                case LEX_MARIA -> Law.HSL;
                case KRANKANDE_BEHANDLING, SKOLKLAGOMAL -> Law.SKOLLAGEN;
            };
            aCase = Case.open(new AvvikelseReported(new SubmissionId(UUID.randomUUID()), null, law, flow, "omsorg",
                    "Fel dos.", NOW, NOW, null, null, "personal", NOW, null), null, new Diarienummer("2026-000001"),
                    NOW);
            current = new AvvikelseCase(aCase);
        }

        AvvikelseCase.Step take(Function<AvvikelseCase, AvvikelseCase.Step> step) {
            AvvikelseCase.Step taken = step.apply(current);
            current = new AvvikelseCase(aCase, taken.avvikelse());
            return taken;
        }

        AvvikelseCase.Step entry() {
            return take(avvikelse -> avvikelse.addEntry(EntryType.ORSAKER, TODAY, "pd1:källa", "pd1:text", null,
                    "sara", NOW));
        }

        AvvikelseCase.Step decide(boolean serious) {
            return take(avvikelse -> avvikelse.decide(serious, "pd1:motivering", "sara", NOW));
        }

        AvvikelseCase.Step reportToIvo() {
            return take(avvikelse -> avvikelse.reportToIvo(TODAY, "3.5.1-1234/2026", "sara", NOW));
        }

        AvvikelseCase.Step complete() {
            return take(avvikelse -> avvikelse.complete("sara", NOW));
        }

        AvvikelseCase.Step chain(AvvikelseStep step, Instant occurredAt) {
            return take(avvikelse -> avvikelse.recordChainStep(step, occurredAt, "rektor", NOW));
        }

        Avvikelse recorded() {
            return current.recorded();
        }
    }

    @Test
    void theFirstInvestigationEntryStartsTheInvestigationAndLaterOnesAnnounceNothing() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);

        AvvikelseCase.Step first = sarah.entry();
        AvvikelseCase.Step second = sarah.take(avvikelse -> avvikelse.addEntry(EntryType.ATGARD, TODAY, "pd1:k",
                "pd1:t", NOW.minus(Duration.ofHours(1)), "sara", NOW));

        assertThat(first.event().step()).isEqualTo(AvvikelseStep.INVESTIGATION_STARTED);
        assertThat(first.event().recordedBy()).isEqualTo("sara");
        assertThat(first.history().what()).isEqualTo("avvikelse: utredningen inledd, orsaker");
        assertThat(second.event()).isNull();
        assertThat(second.history().what()).isEqualTo("avvikelse: utredningsanteckning, åtgärd");
        assertThat(sarah.recorded().entries()).extracting(InvestigationEntry::number).containsExactly(1, 2);
        assertThat(sarah.recorded().entries().get(1).measureTakenAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void aRefusedStepLeavesTheRecordedStateAsItWas() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);
        sarah.entry();
        Avvikelse before = sarah.recorded();

        assertThatThrownBy(sarah::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class);

        assertThat(sarah.recorded()).isSameAs(before);
        assertThat(before.entries()).hasSize(1);
        assertThat(before.ivoReport()).isEmpty();
    }

    @Test
    void aRiskAssessmentGivesTheRiskLevelAndALaterOneIsAddedNotReplaced() {
        Flow maria = new Flow(LegalFlow.LEX_MARIA);

        AvvikelseCase.Step first = maria.take(avvikelse -> avvikelse.assessRisk(3, 4, "pd1:m", "mas", NOW));
        AvvikelseCase.Step second = maria.take(avvikelse -> avvikelse.assessRisk(1, 2, "pd1:m", "mas", NOW));

        assertThat(first.event().step()).isEqualTo(AvvikelseStep.RISK_ASSESSED);
        assertThat(first.history().what()).isEqualTo(
                "avvikelse: risk bedömd, sannolikhet 3 och konsekvens 4 ger risknivå mycket hög (12)");
        assertThat(first.eventKey()).isNotEqualTo(second.eventKey());
        assertThat(maria.recorded().riskAssessments()).extracting(RiskAssessment::level)
                .containsExactly(RiskLevel.MYCKET_HOG, RiskLevel.LAG);
    }

    @Test
    void aChangedDecisionSupersedesTheOneInForceAndBothStay() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);
        sarah.entry();

        AvvikelseCase.Step first = sarah.decide(false);
        AvvikelseCase.Step changed = sarah.decide(true);

        assertThat(first.event().serious()).isFalse();
        assertThat(changed.event().step()).isEqualTo(AvvikelseStep.DECIDED);
        assertThat(changed.event().serious()).isTrue();
        assertThat(changed.history().what()).isEqualTo(
                "avvikelse: ändrat beslut (ersätter beslut 1), allvarligt missförhållande");
        assertThat(first.history().what()).isEqualTo("avvikelse: beslut, inte allvarligt missförhållande");
        assertThat(sarah.recorded().decisions()).extracting(Decision::number, Decision::serious, Decision::supersedes)
                .containsExactly(tuple(1, false, null),
                        tuple(2, true, 1));
        assertThat(sarah.recorded().currentDecision().orElseThrow().serious()).isTrue();
        assertThat(first.eventKey()).isNotEqualTo(changed.eventKey());
    }

    @Test
    void lexSarahDecidesOnlyWithinTheInvestigation() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);

        assertThatThrownBy(() -> sarah.decide(true)).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageStartingWith("Lex Sarah: beslutet fattas i utredningen");
    }

    @Test
    void noIvoReportUnlessTheDecisionInForceIsSerious() {
        Flow maria = new Flow(LegalFlow.LEX_MARIA);

        assertThatThrownBy(maria::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageContaining("inget beslut om att det är allvarlig vårdskada");
        maria.decide(true);
        maria.decide(false);
        assertThatThrownBy(maria::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Beslutet är att det inte är allvarlig vårdskada; då görs ingen anmälan till IVO.");
        assertThat(maria.recorded().ivoReport()).isEmpty();
    }

    @Test
    void lexMariaMayReportToIvoBeforeTheInvestigationIsComplete() {
        Flow maria = new Flow(LegalFlow.LEX_MARIA);
        maria.decide(true);

        AvvikelseCase.Step reported = maria.reportToIvo();

        assertThat(reported.event().step()).isEqualTo(AvvikelseStep.IVO_REPORTED);
        assertThat(reported.event().occurredAt()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(reported.history().what()).isEqualTo(
                "avvikelse: anmäld till IVO 2026-11-24, IVO:s diarienummer 3.5.1-1234/2026");
        assertThat(maria.recorded().completion()).isEmpty();
        assertThat(maria.recorded().ivoReport().orElseThrow().ivoReference()).isEqualTo("3.5.1-1234/2026");
    }

    @Test
    void lexMariaCompletesASeriousVardskadasInvestigationOnlyOnceReportedToIvo() {
        Flow maria = new Flow(LegalFlow.LEX_MARIA);
        maria.entry();
        maria.decide(true);

        assertThatThrownBy(maria::complete).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageStartingWith("Lex Maria: en allvarlig vårdskada anmäls till IVO senast");
        maria.reportToIvo();
        assertThat(maria.complete().event().step()).isEqualTo(AvvikelseStep.INVESTIGATION_COMPLETED);
    }

    @Test
    void lexSarahReportsToIvoWithTheInvestigationSoOnlyOnceItIsComplete() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);
        sarah.entry();
        sarah.decide(true);

        assertThatThrownBy(sarah::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Lex Sarah: anmälan till IVO görs med utredningen; avsluta utredningen först.");
        sarah.complete();
        assertThat(sarah.reportToIvo().event().step()).isEqualTo(AvvikelseStep.IVO_REPORTED);
    }

    @Test
    void theIvoReportIsRegisteredOnceAndFreezesTheDecision() {
        Flow maria = new Flow(LegalFlow.LEX_MARIA);
        maria.decide(true);
        maria.reportToIvo();

        assertThatThrownBy(maria::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageStartingWith("Anmälan till IVO är redan registrerad");
        assertThatThrownBy(() -> maria.decide(false)).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Anmälan till IVO är redan registrerad; beslutet kan inte längre ändras.");
    }

    @Test
    void anInvestigationCompletesWithEntriesAndADecisionAndThenTakesNothingMore() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);

        assertThatThrownBy(sarah::complete).hasMessageStartingWith("Utredningen har inga anteckningar");
        sarah.entry();
        assertThatThrownBy(sarah::complete).hasMessageStartingWith("Beslut om allvarlighet saknas");
        sarah.decide(false);
        sarah.complete();

        assertThatThrownBy(sarah::entry).hasMessage("Utredningen är avslutad; inget mer kan läggas till.");
        assertThatThrownBy(() -> sarah.decide(true)).isInstanceOf(IllegalCaseTransitionException.class);
        assertThatThrownBy(sarah::complete).isInstanceOf(IllegalCaseTransitionException.class);
        assertThat(sarah.recorded().completion().orElseThrow().completedBy()).isEqualTo("sara");
    }

    @Test
    void nothingIsRecordedOnAClosedCase() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);
        sarah.aCase.close(CaseOutcome.INGEN_ATGARD, "sara", NOW);

        assertThatThrownBy(sarah::entry).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Ärendet är avslutat; avvikelsens steg kan inte längre registreras.");
    }

    @Test
    void riskDecisionAndIvoAreOnlyForLexSarahAndLexMaria() {
        Flow school = new Flow(LegalFlow.SKOLKLAGOMAL);

        assertThatThrownBy(() -> school.decide(true)).hasMessage("Beslut om allvarlighet gäller bara lex Sarah och lex Maria.");
        assertThatThrownBy(() -> school.take(avvikelse -> avvikelse.assessRisk(2, 2, "pd1:m", "rektor", NOW)))
                .isInstanceOf(IllegalCaseTransitionException.class);
        assertThatThrownBy(school::reportToIvo).isInstanceOf(IllegalCaseTransitionException.class);
        assertThat(school.entry().event().step()).isEqualTo(AvvikelseStep.INVESTIGATION_STARTED);
        assertThat(school.complete().event().step()).isEqualTo(AvvikelseStep.INVESTIGATION_COMPLETED);
    }

    @Test
    void theSkollagenChainGoesRektorHuvudmanInvestigationEachWithItsOwnTime() {
        Flow school = new Flow(LegalFlow.KRANKANDE_BEHANDLING);
        Instant toRektor = Instant.parse("2026-11-23T10:00:00Z");
        Instant toHuvudman = Instant.parse("2026-11-23T15:30:00Z");
        Instant started = Instant.parse("2026-11-24T08:00:00Z");

        AvvikelseCase.Step rektor = school.chain(AvvikelseStep.REPORTED_TO_REKTOR, toRektor);
        AvvikelseCase.Step huvudman = school.chain(AvvikelseStep.REPORTED_TO_HUVUDMAN, toHuvudman);
        AvvikelseCase.Step investigation = school.chain(AvvikelseStep.INVESTIGATION_STARTED, started);

        assertThat(rektor.event().occurredAt()).isEqualTo(toRektor);
        assertThat(rektor.event().recordedAt()).isEqualTo(NOW);
        assertThat(rektor.history().what()).isEqualTo("avvikelse: anmälan till rektor 2026-11-23 11:00");
        assertThat(huvudman.event().step()).isEqualTo(AvvikelseStep.REPORTED_TO_HUVUDMAN);
        assertThat(investigation.event().step()).isEqualTo(AvvikelseStep.INVESTIGATION_STARTED);
        assertThat(school.recorded().chain()).extracting(ChainStep::occurredAt)
                .containsExactly(toRektor, toHuvudman, started);
        // the huvudman's step started the investigation: the first entry announces nothing more
        assertThat(school.entry().event()).isNull();
    }

    @Test
    void aSkollagenStepBeforeThePreviousOneIsRefused() {
        Flow school = new Flow(LegalFlow.KRANKANDE_BEHANDLING);

        assertThatThrownBy(() -> school.chain(AvvikelseStep.REPORTED_TO_HUVUDMAN, NOW))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Rektors anmälan till huvudmannen kan inte registreras före anmälan till rektor.");
        school.chain(AvvikelseStep.REPORTED_TO_REKTOR, Instant.parse("2026-11-23T10:00:00Z"));
        assertThatThrownBy(() -> school.chain(AvvikelseStep.REPORTED_TO_HUVUDMAN, Instant.parse("2026-11-23T09:59:00Z")))
                .isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessage("Rektors anmälan till huvudmannen kan inte ha skett före anmälan till rektor "
                        + "(2026-11-23 11:00).");
        assertThatThrownBy(() -> school.chain(AvvikelseStep.INVESTIGATION_STARTED, NOW))
                .hasMessage("Huvudmannens utredning kan inte registreras före rektors anmälan till huvudmannen.");
        assertThatThrownBy(() -> school.chain(AvvikelseStep.REPORTED_TO_REKTOR, NOW))
                .hasMessageStartingWith("Anmälan till rektor är redan registrerad");
        assertThat(school.recorded().chain()).hasSize(1);
    }

    @Test
    void underSkollagenTheInvestigationIsDocumentedOnlyOnceTheHuvudmanStartedIt() {
        Flow school = new Flow(LegalFlow.KRANKANDE_BEHANDLING);

        assertThatThrownBy(school::entry).isInstanceOf(IllegalCaseTransitionException.class)
                .hasMessageStartingWith("Huvudmannen har inte inlett någon utredning ännu");
    }

    @Test
    void theSkollagenChainIsOnlyForKrankandeBehandling() {
        Flow sarah = new Flow(LegalFlow.LEX_SARAH);

        assertThatThrownBy(() -> sarah.chain(AvvikelseStep.REPORTED_TO_REKTOR, NOW))
                .hasMessage("Kedjan i 6 kap. 10 § skollagen gäller bara kränkande behandling.");
    }
}
