package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue;
import se.medborgardialog.sla.guarantee.InMemoryCaseFactsStore;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Which clocks each kind of case gets from the configured catalogue (today's "Clocks per case type" and the legal
 * clocks), and when they are due. Received Monday 23 November 2026, 10:00 Stockholm.
 */
class DeadlineRulesTests {

    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();

    private final MutableClock clock = new MutableClock(MONDAY);
    private final InMemoryDeadlineStore store = new InMemoryDeadlineStore();
    private final List<OutgoingEvent> sent = new CopyOnWriteArrayList<>();
    private final GuaranteeCatalogue catalogue = Catalogues.defaults(clock);
    private final DeadlineClocks clocks = new DeadlineClocks(store, new DeadlineOutbox(store, sent::add),
            new DeadlineMetrics(new SimpleMeterRegistry()), new SwedishCalendar(),
            new SlaProperties(Duration.ofSeconds(1), new SlaProperties.Relay(Duration.ofSeconds(5), Duration.ofSeconds(10), 500, Duration.ofMinutes(1))),
            clock, catalogue, new InMemoryCaseFactsStore(), List.of(), new PendingFirings(store));

    private static CaseOpened opened(CaseId caseId, CaseType type, LegalFlow flow, String category, Instant receivedAt) {
        return new CaseOpened(caseId, new SubmissionId(caseId.value()), null, null, category, Channel.WEB, "enhet",
                receivedAt, MONDAY, type, flow);
    }

    private List<DeadlineScheduled> scheduledFor(CaseType type, LegalFlow flow, String category) {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId, type, flow, category, MONDAY));
        return scheduled(caseId);
    }

    private List<DeadlineScheduled> scheduled(CaseId caseId) {
        return sent.stream().map(OutgoingEvent::payload).filter(DeadlineScheduled.class::isInstance)
                .map(DeadlineScheduled.class::cast).filter(e -> e.caseId().equals(caseId)).toList();
    }

    private DeadlineScheduled onlyClock(CaseType type, LegalFlow flow) {
        List<DeadlineScheduled> scheduled = scheduledFor(type, flow, "x");
        assertThat(scheduled).hasSize(1);
        return scheduled.get(0);
    }

    private static Instant endOf(LocalDate date) {
        return ZonedDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), 23, 59, 59, 999_999_999,
                SwedishCalendar.STOCKHOLM).toInstant();
    }

    private static void assertDue(DeadlineScheduled scheduled, String clock, int workingDays, LocalDate due) {
        assertThat(scheduled.clock()).isEqualTo(clock);
        assertThat(scheduled.workingDays()).isEqualTo(workingDays);
        assertThat(scheduled.receivedAt()).isEqualTo(MONDAY);
        assertThat(scheduled.dueDate()).isEqualTo(due);
        assertThat(scheduled.dueAt()).isEqualTo(endOf(due));
    }

    @Test
    void aSynpunktIsAnsweredWithinTwoWorkingDaysByALocalRule() {
        DeadlineScheduled scheduled = onlyClock(CaseType.SYNPUNKT, null);

        assertDue(scheduled, "first-answer", 2, LocalDate.of(2026, 11, 25));
        assertThat(scheduled.guarantee()).isEqualTo(new GuaranteeRef("synpunkt-svar-2-arbetsdagar", 1,
                "Svar på din synpunkt inom två arbetsdagar", GuaranteeType.RIKTLINJE));
        assertThat(scheduled.duration()).isEqualTo("P2WD");
    }

    @Test
    void aCaseOpenedWithoutACaseTypeIsTreatedAsASynpunkt() {
        assertDue(onlyClock(null, null), "first-answer", 2, LocalDate.of(2026, 11, 25));
    }

    @Test
    void aFelanmalanIsDealtWithWithinTenWorkingDaysByDefault() {
        assertDue(onlyClock(CaseType.FELANMALAN, null), "first-answer", 10, LocalDate.of(2026, 12, 7));
    }

    @Test
    void aDarkStreetLightIsAlsoUnderTheThreeWeekTjanstegaranti() {
        List<DeadlineScheduled> scheduled = scheduledFor(CaseType.FELANMALAN, null, "gatubelysning");

        assertThat(scheduled).extracting(DeadlineScheduled::clock).containsExactlyInAnyOrder("first-answer", "gatubelysning");
        DeadlineScheduled lights = scheduled.stream().filter(s -> s.clock().equals("gatubelysning")).findFirst().orElseThrow();
        assertDue(lights, "gatubelysning", 0, LocalDate.of(2026, 12, 14));
        assertThat(lights.guarantee().type()).isEqualTo(GuaranteeType.TJANSTEGARANTI);
    }

    @Test
    void snowIsClearedWithinEightHoursToTheMinute() {
        DeadlineScheduled snow = scheduledFor(CaseType.FELANMALAN, null, "sno-och-halka").stream()
                .filter(s -> s.clock().equals("snorojning")).findFirst().orElseThrow();

        assertThat(snow.dueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(8)));
        assertThat(snow.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(snow.duration()).isEqualTo("PT8H");
    }

    @Test
    void anEforslagIsAnsweredByTheNamndWithinSixCalendarMonthsAndTheDelayIsToldAfterThree() {
        List<DeadlineScheduled> scheduled = scheduledFor(CaseType.E_FORSLAG, null, "x");

        assertThat(scheduled).extracting(DeadlineScheduled::clock).containsExactlyInAnyOrder("namnd-answer", "fl-11-forsening");
        assertDue(scheduled.stream().filter(s -> s.clock().equals("namnd-answer")).findFirst().orElseThrow(),
                "namnd-answer", 0, LocalDate.of(2027, 5, 23));
        assertThat(scheduled.stream().filter(s -> s.clock().equals("fl-11-forsening")).findFirst().orElseThrow()
                .guarantee().type()).isEqualTo(GuaranteeType.LAGKRAV);
    }

    @Test
    void aLexSarahInvestigationStartsWithinOneWorkingDay() {
        DeadlineScheduled scheduled = onlyClock(CaseType.AVVIKELSE, LegalFlow.LEX_SARAH);
        assertDue(scheduled, "lex-sarah-utredning", 1, LocalDate.of(2026, 11, 24));
        assertThat(scheduled.guarantee().type()).isEqualTo(GuaranteeType.LAGKRAV);
    }

    @Test
    void aLexMariaEventIsReportedToIvoWithinFourteenCalendarDays() {
        assertDue(onlyClock(CaseType.AVVIKELSE, LegalFlow.LEX_MARIA), "lex-maria-ivo", 0, LocalDate.of(2026, 12, 7));
    }

    @Test
    void krankandeBehandlingIsReportedToTheRektorTheSameDayAndToTheHuvudmanWithinOneWorkingDay() {
        List<DeadlineScheduled> scheduled = scheduledFor(CaseType.AVVIKELSE, LegalFlow.KRANKANDE_BEHANDLING, "x");

        assertThat(scheduled).extracting(DeadlineScheduled::clock)
                .containsExactlyInAnyOrder("skollagen-rektor", "huvudman-anmalan");
        assertDue(scheduled.stream().filter(s -> s.clock().equals("huvudman-anmalan")).findFirst().orElseThrow(),
                "huvudman-anmalan", 1, LocalDate.of(2026, 11, 24));
        assertDue(scheduled.stream().filter(s -> s.clock().equals("skollagen-rektor")).findFirst().orElseThrow(),
                "skollagen-rektor", 0, LocalDate.of(2026, 11, 23));
    }

    @Test
    void aSchoolComplaintIsInvestigatedWithinTenWorkingDays() {
        assertDue(onlyClock(CaseType.AVVIKELSE, LegalFlow.SKOLKLAGOMAL), "skolklagomal-utredning", 10,
                LocalDate.of(2026, 12, 7));
    }

    @Test
    void aCalendarPeriodReceivedLateInTheEveningCountsFromTheStockholmDate() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        // Sunday 22 November 23:30 UTC is already Monday 23 November in Stockholm
        clocks.caseOpened(opened(caseId, CaseType.AVVIKELSE, LegalFlow.LEX_MARIA, null, Instant.parse("2026-11-22T23:30:00Z")));

        assertThat(scheduled(caseId).get(0).dueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theLexSarahChainStartsAndStopsItsClocksOnTheAvvikelseSteps() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId, CaseType.AVVIKELSE, LegalFlow.LEX_SARAH, null, MONDAY));
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));

        clocks.avvikelseStep(caseId, AvvikelseStep.INVESTIGATION_STARTED, null, tuesday);
        clocks.avvikelseStep(caseId, AvvikelseStep.DECIDED, true, tuesday.plus(Duration.ofDays(7)));
        clocks.avvikelseStep(caseId, AvvikelseStep.IVO_REPORTED, null, tuesday.plus(Duration.ofDays(9)));

        assertThat(store.find(caseId + ":lex-sarah-utredning").orElseThrow().status()).isEqualTo(DeadlineStatus.MET);
        assertThat(store.find(caseId + ":lex-sarah-beslut").orElseThrow().status()).isEqualTo(DeadlineStatus.MET);
        Deadline ivo = store.find(caseId + ":lex-sarah-ivo").orElseThrow();
        assertThat(ivo.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(ivo.receivedAt()).isEqualTo(tuesday.plus(Duration.ofDays(7)));
        assertThat(sent.stream().map(OutgoingEvent::payload).filter(DeadlineMet.class::isInstance)
                .map(e -> ((DeadlineMet) e).clock()).toList())
                .containsExactly("lex-sarah-utredning", "lex-sarah-beslut", "lex-sarah-ivo");
    }

    @Test
    void aDecisionThatIsNotSeriousStartsNoIvoClock() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId, CaseType.AVVIKELSE, LegalFlow.LEX_SARAH, null, MONDAY));

        clocks.avvikelseStep(caseId, AvvikelseStep.INVESTIGATION_STARTED, null, MONDAY.plusSeconds(60));
        clocks.avvikelseStep(caseId, AvvikelseStep.DECIDED, false, MONDAY.plusSeconds(120));

        assertThat(store.findByCase(caseId.toString())).extracting(Deadline::clock)
                .containsExactlyInAnyOrder("lex-sarah-utredning", "lex-sarah-beslut");
    }

    @Test
    void aDemandForADecisionStartsTheFourWeekClockOfFl12() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks.caseOpened(opened(caseId, CaseType.SYNPUNKT, null, null, MONDAY));

        clocks.decisionDemanded(caseId, MONDAY.plus(Duration.ofDays(1)));

        Deadline fl12 = store.find(caseId + ":fl-12-avgorande").orElseThrow();
        assertThat(fl12.dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(fl12.guarantee().id()).isEqualTo("fl-12-avgorande");
        clocks.caseAnswered(caseId, MONDAY.plus(Duration.ofDays(3)));
        assertThat(store.find(caseId + ":fl-12-avgorande").orElseThrow().status()).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void aStepOfACaseSlaServiceNeverSawOpenedStartsNothing() {
        CaseId caseId = new CaseId(UUID.randomUUID());

        clocks.decisionDemanded(caseId, MONDAY);

        assertThat(store.findByCase(caseId.toString())).isEmpty();
    }
}
