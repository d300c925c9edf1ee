package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.testsupport.MutableClock;
import se.medborgardialog.workingdays.SwedishCalendar;

/** Which clock each kind of case gets, and when it is due. Received Monday 23 November 2026, 10:00 Stockholm. */
class DeadlineRulesTests {

    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();

    private final MutableClock clock = new MutableClock(MONDAY);
    private final InMemoryDeadlineStore store = new InMemoryDeadlineStore();
    private final List<OutgoingEvent> sent = new CopyOnWriteArrayList<>();

    private DeadlineClocks clocks(SlaProperties properties) {
        return new DeadlineClocks(store, new DeadlineOutbox(store, sent::add), new DeadlineMetrics(new SimpleMeterRegistry()),
                new SwedishCalendar(), properties, clock);
    }

    private static SlaProperties defaults() {
        return new SlaProperties(new SlaProperties.FirstAnswer(2), Duration.ofSeconds(1),
                new SlaProperties.Relay(Duration.ofSeconds(5), Duration.ofSeconds(10), 500),
                new SlaProperties.Felanmalan(10), new SlaProperties.Eforslag(Period.ofMonths(6)),
                new SlaProperties.Avvikelse(1, Period.ofDays(14), 1, 10));
    }

    private DeadlineScheduled scheduledFor(SlaProperties properties, CaseType type, LegalFlow flow) {
        CaseId caseId = new CaseId(UUID.randomUUID());
        clocks(properties).caseOpened(new CaseOpened(caseId, new SubmissionId(caseId.value()), null, null, "x",
                Channel.WEB, "enhet", MONDAY, MONDAY, type, flow));
        assertThat(sent).hasSize(1);
        return (DeadlineScheduled) sent.get(0).payload();
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
    void aSynpunktIsAnsweredWithinTwoWorkingDays() {
        assertDue(scheduledFor(defaults(), CaseType.SYNPUNKT, null), "first-answer", 2, LocalDate.of(2026, 11, 25));
    }

    @Test
    void aCaseOpenedWithoutACaseTypeIsTreatedAsASynpunkt() {
        assertDue(scheduledFor(defaults(), null, null), "first-answer", 2, LocalDate.of(2026, 11, 25));
    }

    @Test
    void aFelanmalanIsDealtWithWithinTenWorkingDaysByDefault() {
        assertDue(scheduledFor(defaults(), CaseType.FELANMALAN, null), "first-answer", 10, LocalDate.of(2026, 12, 7));
    }

    @Test
    void theFelanmalanPromiseIsConfigurable() {
        SlaProperties d = defaults();
        SlaProperties five = new SlaProperties(d.firstAnswer(), d.scanInterval(), d.relay(), new SlaProperties.Felanmalan(5),
                d.eforslag(), d.avvikelse());
        assertDue(scheduledFor(five, CaseType.FELANMALAN, null), "first-answer", 5, LocalDate.of(2026, 11, 30));
    }

    @Test
    void anEforslagIsAnsweredByTheNamndWithinSixCalendarMonths() {
        assertDue(scheduledFor(defaults(), CaseType.E_FORSLAG, null), "namnd-answer", 0, LocalDate.of(2027, 5, 23));
    }

    @Test
    void aLexSarahInvestigationStartsWithinOneWorkingDay() {
        assertDue(scheduledFor(defaults(), CaseType.AVVIKELSE, LegalFlow.LEX_SARAH), "lex-sarah-utredning", 1,
                LocalDate.of(2026, 11, 24));
    }

    @Test
    void aLexMariaEventIsReportedToIvoWithinFourteenCalendarDays() {
        assertDue(scheduledFor(defaults(), CaseType.AVVIKELSE, LegalFlow.LEX_MARIA), "lex-maria-ivo", 0,
                LocalDate.of(2026, 12, 7));
    }

    @Test
    void krankandeBehandlingIsReportedToTheHuvudmanWithinOneWorkingDay() {
        assertDue(scheduledFor(defaults(), CaseType.AVVIKELSE, LegalFlow.KRANKANDE_BEHANDLING), "huvudman-anmalan", 1,
                LocalDate.of(2026, 11, 24));
    }

    @Test
    void aSchoolComplaintIsInvestigatedWithinTenWorkingDays() {
        assertDue(scheduledFor(defaults(), CaseType.AVVIKELSE, LegalFlow.SKOLKLAGOMAL), "skolklagomal-utredning", 10,
                LocalDate.of(2026, 12, 7));
    }

    @Test
    void aCalendarPeriodReceivedLateInTheEveningCountsFromTheStockholmDate() {
        clock.set(MONDAY);
        CaseId caseId = new CaseId(UUID.randomUUID());
        // Sunday 22 November 23:30 UTC is already Monday 23 November in Stockholm
        Instant lateUtc = Instant.parse("2026-11-22T23:30:00Z");
        clocks(defaults()).caseOpened(new CaseOpened(caseId, new SubmissionId(caseId.value()), null, null, "x",
                Channel.WEB, "enhet", lateUtc, MONDAY, CaseType.AVVIKELSE, LegalFlow.LEX_MARIA));
        DeadlineScheduled scheduled = (DeadlineScheduled) sent.get(0).payload();
        assertThat(scheduled.dueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
