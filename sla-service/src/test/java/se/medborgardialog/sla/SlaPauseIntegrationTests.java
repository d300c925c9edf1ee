package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStatus;
import se.medborgardialog.sla.deadline.PendingEvent;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Clocks that pause while the case waits for the citizen, resume with a moved deadline, and follow a forwarded case
 * (setup in {@link SlaIntegrationTestSupport}).
 */
class SlaPauseIntegrationTests extends SlaIntegrationTestSupport {

    private static final String CLOCK = Deadline.FIRST_ANSWER;

    @Test
    void aPausedClockPassesItsDueTimeUnbreachedAndIsBreachedOnceAtItsMovedDeadline() throws Exception {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);

        Instant tuesday = stockholm(11, 24, 9, 0);
        clock.set(tuesday);
        CitizenInfoRequested requested = new CitizenInfoRequested(caseId, "stadsmiljo", "anna", tuesday);
        cases.send(EventTypes.CITIZEN_INFO_REQUESTED, caseId, requested);
        ConsumerRecord<String, byte[]> pausedRecord = awaitOne(caseId, EventTypes.DEADLINE_PAUSED);
        assertThat(json.readValue(pausedRecord.value(), DeadlinePaused.class))
                .isEqualTo(new DeadlinePaused(caseId, CLOCK, "stadsmiljo", tuesday, Catalogues.SYNPUNKT_FIRST_ANSWER,
                        stockholm(11, 25, 23, 59).plusSeconds(59).plusNanos(999_999_999)));
        assertThat(CaseTopic.header(pausedRecord, "ce_id"))
                .isEqualTo(Deadline.eventId(caseId.toString(), CLOCK, PendingEvent.Kind.PAUSED, 1));

        // Thursday: the original deadline (end of Wednesday) has passed while the clock waits.
        clock.set(stockholm(11, 26, 12, 0));
        scanner.scan();
        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks[0].status").value("PAUSED"))
                .andExpect(jsonPath("$.clocks[0].pausedAt").value("2026-11-24T08:00:00Z"))
                .andExpect(jsonPath("$.clocks[0].dueDate").value("2026-11-25"))
                .andExpect(jsonPath("$.clocks[0].pauses[0].pausedAt").value("2026-11-24T08:00:00Z"))
                .andExpect(jsonPath("$.clocks[0].pauses[0].resumedAt").isEmpty());

        // The reply on Friday gives back Wednesday, Thursday and Friday: due end of Monday 30 November.
        Instant friday = stockholm(11, 27, 10, 0);
        clock.set(friday);
        CitizenInfoReceived received = new CitizenInfoReceived(caseId, "stadsmiljo", "medborgare", friday);
        cases.send(EventTypes.CITIZEN_INFO_RECEIVED, caseId, received);
        LocalDate moved = LocalDate.of(2026, 11, 30);
        Instant movedDueAt = stockholm(11, 30, 23, 59).plusSeconds(59).plusNanos(999_999_999);
        assertThat(json.readValue(awaitOne(caseId, EventTypes.DEADLINE_RESUMED).value(), DeadlineResumed.class))
                .isEqualTo(new DeadlineResumed(caseId, CLOCK, "stadsmiljo", friday, moved, movedDueAt,
                        Catalogues.SYNPUNKT_FIRST_ANSWER));

        // Redelivered request and reply change nothing.
        cases.send(EventTypes.CITIZEN_INFO_REQUESTED, caseId, requested);
        cases.send(EventTypes.CITIZEN_INFO_RECEIVED, caseId, received);
        awaitBarrier();
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_PAUSED)).hasSize(1);
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_RESUMED)).hasSize(1);
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_BREACHED)).isEmpty();
        Deadline running = store.find(Deadline.id(caseId, CLOCK)).orElseThrow();
        assertThat(running.status()).isEqualTo(DeadlineStatus.RUNNING);
        assertThat(running.dueDate()).isEqualTo(moved);
        assertThat(running.pauses()).hasSize(1);
        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("anna", "utveckling")))
                .andExpect(jsonPath("$.clocks[0].status").value("RUNNING"))
                .andExpect(jsonPath("$.clocks[0].dueDate").value("2026-11-30"))
                .andExpect(jsonPath("$.clocks[0].pauses[0].resumedAt").value("2026-11-27T09:00:00Z"))
                .andExpect(jsonPath("$.clocks[0].pauses[0].daysAdded").value(3))
                .andExpect(jsonPath("$.clocks[0].pauses[0].dueDate").value("2026-11-30"));

        clock.set(movedDueAt);
        scanner.scan();
        assertThat(store.find(Deadline.id(caseId, CLOCK)).orElseThrow().status()).isEqualTo(DeadlineStatus.RUNNING);

        Instant justAfter = movedDueAt.plusNanos(1_000_001);
        clock.set(justAfter);
        DeadlineBreached breached = json.readValue(awaitOne(caseId, EventTypes.DEADLINE_BREACHED).value(),
                DeadlineBreached.class);
        assertThat(breached).isEqualTo(new DeadlineBreached(caseId, CLOCK, "stadsmiljo", movedDueAt, justAfter,
                Catalogues.SYNPUNKT_FIRST_ANSWER, null));
        scanner.scan();
        scanner.scan();
        awaitBarrier();
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_BREACHED)).hasSize(1);
    }

    @Test
    void anAnswerWhileTheClockIsPausedMeetsItAfterTheOriginalDueTime() {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        cases.send(EventTypes.CITIZEN_INFO_REQUESTED, caseId,
                new CitizenInfoRequested(caseId, "stadsmiljo", "anna", MONDAY.plus(Duration.ofHours(1))));
        awaitOne(caseId, EventTypes.DEADLINE_PAUSED);

        Instant nextMonday = stockholm(11, 30, 11, 0);
        clock.set(nextMonday);
        scanner.scan();
        cases.send(new CaseAnswered(caseId, "stadsmiljo", nextMonday, "anna"));

        assertThat(json.readValue(awaitOne(caseId, EventTypes.DEADLINE_MET).value(), DeadlineMet.class))
                .isEqualTo(new DeadlineMet(caseId, CLOCK, "stadsmiljo",
                        stockholm(11, 25, 23, 59).plusSeconds(59).plusNanos(999_999_999), nextMonday,
                        Catalogues.SYNPUNKT_FIRST_ANSWER));
        awaitBarrier();
        assertThat(eventsOf(caseId, EventTypes.DEADLINE_BREACHED)).isEmpty();
    }

    @Test
    void aForwardedCaseKeepsItsClockWhichFollowsItToTheNewUnit() throws Exception {
        CaseId caseId = newCase();
        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));
        awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED);

        CaseForwarded forwarded = new CaseForwarded(caseId, "stadsmiljo", "medborgarservice", "anna",
                MONDAY.plus(Duration.ofHours(1)));
        cases.send(EventTypes.CASE_FORWARDED, caseId, forwarded);
        cases.send(EventTypes.CASE_FORWARDED, caseId, forwarded);

        await().atMost(PATIENCE).untilAsserted(() ->
                mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("bertil", "utveckling")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.unit").value("medborgarservice"))
                        .andExpect(jsonPath("$.clocks[0].status").value("RUNNING"))
                        .andExpect(jsonPath("$.clocks[0].dueDate").value("2026-11-25")));
        mvc.perform(get("/api/v1/deadlines/{caseId}", caseId).with(httpBasic("anna", "utveckling")))
                .andExpect(status().isNotFound());

        Instant answeredAt = MONDAY.plus(Duration.ofHours(3));
        cases.send(new CaseAnswered(caseId, "medborgarservice", answeredAt, "bertil"));
        assertThat(json.readValue(awaitOne(caseId, EventTypes.DEADLINE_MET).value(), DeadlineMet.class).unit())
                .isEqualTo("medborgarservice");
    }

    private static Instant stockholm(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SwedishCalendar.STOCKHOLM).toInstant();
    }
}
