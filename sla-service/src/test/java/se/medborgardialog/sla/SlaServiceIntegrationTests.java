package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStatus;
import se.medborgardialog.workingdays.SwedishCalendar;

/** The case lifecycle, the outbox relay and the calendar API (setup in {@link SlaIntegrationTestSupport}). */
class SlaServiceIntegrationTests extends SlaIntegrationTestSupport {

    private static final Instant END_OF_WEDNESDAY =
            ZonedDateTime.of(2026, 11, 25, 23, 59, 59, 999_999_999, SwedishCalendar.STOCKHOLM).toInstant();

    private static final List<ConsumerRecord<String, byte[]>> deadLettered = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, byte[]> dltReader;

    @BeforeEach
    void connectDeadLetters() {
        if (dltReader == null) {
            dltReader = cases.reader(DLT);
        }
    }

    @AfterAll
    static void disconnectDeadLetters() {
        if (dltReader != null) {
            dltReader.close();
            dltReader = null;
        }
    }

    @Test
    void caseOpenedOnMondaySchedulesTheFirstAnswerDueWednesdayAsACloudEvent() throws Exception {
        CaseId caseId = newCase();

        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));

        ConsumerRecord<String, byte[]> record = awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);
        assertThat(record.key()).isEqualTo(caseId.toString());
        assertThat(CaseTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(CaseTopic.header(record, "ce_id")).isEqualTo(UUID.nameUUIDFromBytes(
                (caseId + ":first-answer:scheduled").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(CaseTopic.header(record, "ce_source")).isEqualTo(EventTypes.SOURCE_SLA);
        assertThat(CaseTopic.header(record, "ce_subject")).isEqualTo(caseId.toString());
        assertThat(Instant.parse(CaseTopic.header(record, "ce_time"))).isEqualTo(MONDAY);
        assertThat(CaseTopic.header(record, "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"dueDate\":\"2026-11-25\"", "\"dueAt\":\"2026-11-25T22:59:59.999999999Z\"");
        DeadlineScheduled scheduled = json.readValue(record.value(), DeadlineScheduled.class);
        assertThat(scheduled).isEqualTo(new DeadlineScheduled(caseId, "first-answer", "stadsmiljo", 2, MONDAY,
                LocalDate.of(2026, 11, 25), END_OF_WEDNESDAY, Catalogues.SYNPUNKT_FIRST_ANSWER, "P2WD"));

        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value("stadsmiljo"))
                .andExpect(jsonPath("$.clocks[0].clock").value("first-answer"))
                .andExpect(jsonPath("$.clocks[0].guarantee.id").value("synpunkt-svar-2-arbetsdagar"))
                .andExpect(jsonPath("$.clocks[0].guarantee.version").value(1))
                .andExpect(jsonPath("$.clocks[0].duration").value("P2WD"))
                .andExpect(jsonPath("$.clocks[0].status").value("RUNNING"))
                .andExpect(jsonPath("$.clocks[0].dueDate").value("2026-11-25"))
                .andExpect(jsonPath("$.clocks[0].dueAt").value("2026-11-25T23:59:59.999999999+01:00"));
        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("bertil", "utveckling")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnansweredCaseIsBreachedExactlyOnceWhenTheClockPassesItsDeadline() {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);

        Instant thursday = END_OF_WEDNESDAY.plusSeconds(60).plusNanos(1);
        clock.set(thursday);

        DeadlineBreached breached = json.readValue(awaitOne(caseId, EventTypes.DEADLINE_BREACHED).value(), DeadlineBreached.class);
        assertThat(breached).isEqualTo(new DeadlineBreached(caseId, "first-answer", "stadsmiljo", END_OF_WEDNESDAY, thursday,
                Catalogues.SYNPUNKT_FIRST_ANSWER, null));

        clock.advance(Duration.ofDays(1));
        scanner.scan();
        scanner.scan();
        cases.send(new CaseAnswered(caseId, "stadsmiljo", clock.instant(), "anna"));
        awaitBarrier();

        assertThat(eventsOf(caseId, EventTypes.DEADLINE_BREACHED)).hasSize(1);
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_MET)).isEmpty();
        assertThat(meters.get("medborgardialog.deadlines.breached").tag("clock", "first-answer")
                .tag("application", "sla-service").counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void anAnswerInTimeMeetsTheDeadlineAndADuplicateAnswerPublishesNothingMore() {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        Instant answeredAt = MONDAY.plus(Duration.ofHours(3));
        CaseAnswered answered = new CaseAnswered(caseId, "stadsmiljo", answeredAt, "anna");

        cases.send(answered);

        DeadlineMet met = json.readValue(awaitOne(caseId, EventTypes.DEADLINE_MET).value(), DeadlineMet.class);
        assertThat(met).isEqualTo(new DeadlineMet(caseId, "first-answer", "stadsmiljo", END_OF_WEDNESDAY, answeredAt,
                Catalogues.SYNPUNKT_FIRST_ANSWER));

        cases.send(answered);
        cases.send(CaseTopic.closed(caseId, answeredAt.plusSeconds(60)));
        awaitBarrier();

        assertThat(eventsOf(caseId, EventTypes.DEADLINE_MET)).hasSize(1);
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_BREACHED)).isEmpty();
        assertThat(meters.get("medborgardialog.messages.processed").tag("type", EventTypes.CASE_ANSWERED)
                .tag("outcome", "processed").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNewClocksScheduledEventLeavesBeforeItsMetAndIsMarkedPublishedOnceAcknowledged() {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        cases.send(new CaseAnswered(caseId, "stadsmiljo", MONDAY.plus(Duration.ofHours(1)), "anna"));

        ConsumerRecord<String, byte[]> met = awaitOne(caseId, EventTypes.DEADLINE_MET);
        ConsumerRecord<String, byte[]> scheduled = awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);

        // DeadlineScheduled is not awaited by the consumer, DeadlineMet is: one producer keeps them in order.
        assertThat(scheduled.partition()).isEqualTo(met.partition());
        assertThat(scheduled.offset()).isLessThan(met.offset());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(store.findByCase(caseId.toString()))
                .singleElement().satisfies(deadline -> assertThat(deadline.pendingEvents()).isEmpty()));
    }

    @Test
    void closingWithoutAnAnswerAlsoStopsTheClock() {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));

        cases.send(CaseTopic.closed(caseId, MONDAY.plus(Duration.ofHours(1))));

        awaitOne(caseId, EventTypes.DEADLINE_MET);
    }

    @Test
    void aBackdatedLetterWhoseDeadlinePassedIsBreachedAtOnce() {
        CaseId caseId = newCase();

        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY.minus(Duration.ofDays(14))));

        ConsumerRecord<String, byte[]> breached = awaitOne(caseId, EventTypes.DEADLINE_BREACHED);
        ConsumerRecord<String, byte[]> scheduled = awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);
        assertThat(scheduled.offset()).isLessThan(breached.offset());
        assertThat(json.readValue(breached.value(), DeadlineBreached.class).detectedAt()).isEqualTo(MONDAY);
    }

    @Test
    void aDuplicatedCaseOpenedSchedulesOnlyOnce() {
        CaseId caseId = newCase();

        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);
        awaitBarrier();

        assertThat(eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED)).hasSize(1);
    }

    @Test
    void anAvvikelseUnderLexMariaGetsTheFourteenCalendarDayIvoClockAndADuplicateSchedulesOnlyOnce() {
        CaseId caseId = newCase();
        CaseOpened avvikelse = new CaseOpened(caseId, new SubmissionId(caseId.value()), null, null, null, Channel.WEB,
                "halso-och-sjukvard", MONDAY, MONDAY, CaseType.AVVIKELSE, LegalFlow.LEX_MARIA);

        cases.send(avvikelse);
        cases.send(avvikelse);

        DeadlineScheduled scheduled = json.readValue(awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED).value(),
                DeadlineScheduled.class);
        assertThat(scheduled).isEqualTo(new DeadlineScheduled(caseId, "lex-maria-ivo", "halso-och-sjukvard", 0, MONDAY,
                LocalDate.of(2026, 12, 7), ZonedDateTime.of(2026, 12, 7, 23, 59, 59, 999_999_999, SwedishCalendar.STOCKHOLM).toInstant(),
                new GuaranteeRef("lex-maria-ivo", 1, "Vårdskada anmäls till IVO snarast (lex Maria)", GuaranteeType.LAGKRAV),
                "P14D"));
        awaitBarrier();
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED)).hasSize(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicAndTheNextMessageIsStillProcessed() {
        CaseId poisoned = newCase();
        CaseId good = newCase();

        CaseId unknownType = newCase();
        cases.send(poisoned, EventTypes.CASE_OPENED, "{ this is not json".getBytes(StandardCharsets.UTF_8));
        cases.send(unknownType, "se.medborgardialog.case.reopened.v9", "{}".getBytes(StandardCharsets.UTF_8));
        cases.send(CaseTopic.opened(good, "medborgarservice", MONDAY));

        await().atMost(PATIENCE).untilAsserted(() -> {
            deadLettered.addAll(CaseTopic.poll(dltReader));
            assertThat(deadLettered).filteredOn(r -> poisoned.toString().equals(r.key())).singleElement()
                    .satisfies(r -> {
                        assertThat(CaseTopic.header(r, "x-exception-message")).isNotBlank();
                        assertThat(CaseTopic.header(r, "ce_type")).isEqualTo(EventTypes.CASE_OPENED);
                    });
        });
        awaitOne(good, EventTypes.DEADLINE_SCHEDULED);
        assertThat(eventsOf(poisoned, EventTypes.DEADLINE_SCHEDULED)).isEmpty();
        // An unknown type is ignored, not dead-lettered (records of one partition are handled in order).
        deadLettered.addAll(CaseTopic.poll(dltReader));
        assertThat(deadLettered).noneMatch(r -> unknownType.toString().equals(r.key()));
        assertThat(meters.get("medborgardialog.messages.processed").tag("type", "other").tag("outcome", "ignored")
                .timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theRelayPublishesAnEventACrashLeftPendingAndTheStoreRefusesStaleWrites() {
        CaseId caseId = newCase();
        // As if the process died between the document write and the publication.
        Deadline written = Deadline.schedule(caseId, "stadsmiljo", Deadline.FIRST_ANSWER, 2, MONDAY,
                new SwedishCalendar().deadline(MONDAY, 2), MONDAY);
        assertThat(store.insert(written)).isTrue();
        assertThat(store.insert(written)).isFalse();
        assertThat(store.find(written.id())).contains(written);

        clock.set(MONDAY.plus(Duration.ofSeconds(11)));

        awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(store.find(written.id()).orElseThrow().pendingEvents()).isEmpty());
        Deadline published = store.find(written.id()).orElseThrow();
        Deadline met = published.stop(MONDAY.plusSeconds(60), clock.instant()).orElseThrow();
        assertThat(store.replace(published, met)).isTrue();
        assertThat(store.replace(published, met)).isFalse();
        assertThat(store.find(written.id()).orElseThrow().status()).isEqualTo(DeadlineStatus.MET);
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_SCHEDULED)).hasSize(1);
    }

    @Test
    void theCalendarAnswersTheDeadlineOfAReceiptWithTheStockholmOffset() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline")
                        .param("receivedAt", "2026-11-23T10:00:00+01:00").param("workingDays", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedAt").value("2026-11-23T10:00+01:00"))
                .andExpect(jsonPath("$.workingDays").value(2))
                .andExpect(jsonPath("$.dueDate").value("2026-11-25"))
                .andExpect(jsonPath("$.dueAt").value("2026-11-25T23:59:59.999999999+01:00"));
        // Friday 23:30 UTC is already Saturday in Stockholm: Monday is day one. Summer time gives +02:00.
        mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-05-29T22:30:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(2))
                .andExpect(jsonPath("$.dueDate").value("2026-06-02"))
                .andExpect(jsonPath("$.dueAt").value("2026-06-02T23:59:59.999999999+02:00"));
        // An unencoded '+' decodes to a space; still understood.
        mvc.perform(get("/api/v1/calendar/deadline?receivedAt=2026-11-23T10:00:00+01:00&workingDays=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-11-24"));
    }

    @Test
    void theCalendarRefusesBadInputWithAProblemNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-11-23T10:00:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"))
                .andExpect(jsonPath("$.trace").doesNotExist());
        mvc.perform(get("/api/v1/calendar/deadline"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
        mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "garbage").param("workingDays", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("receivedAt", "workingDays")));
        mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-11-23T10:00:00Z").param("workingDays", "366"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
        mvc.perform(get("/api/v1/calendar/non-working-days").param("year", "1899"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/v1/calendar/non-working-days").param("year", "tjugohundra"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void theCalendarListsTheHolidaysAndAftnarOfAYearWithSwedishNames() throws Exception {
        mvc.perform(get("/api/v1/calendar/non-working-days").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.days[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.days[0].name").value("Nyårsdagen"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-06-19')]").exists())
                .andExpect(jsonPath("$.days[?(@.date == '2026-12-24')]").exists())
                .andExpect(jsonPath("$.days[?(@.date == '2026-12-31')]").exists());
    }
}
