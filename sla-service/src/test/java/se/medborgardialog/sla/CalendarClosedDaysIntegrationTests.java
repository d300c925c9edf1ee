package se.medborgardialog.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;

/**
 * The municipality closes Tuesday 24 November 2026: the calendar API lists it, and both the API's deadline and a
 * case's first-answer deadline skip it (setup in {@link SlaIntegrationTestSupport}; its own context).
 */
@TestPropertySource(properties = {
        "sla.calendar.closed-days[0].date=2026-11-24",
        "sla.calendar.closed-days[0].name=Kommunens stängningsdag"})
class CalendarClosedDaysIntegrationTests extends SlaIntegrationTestSupport {

    @Test
    void theCalendarApiListsAConfiguredClosedDayWithItsName() throws Exception {
        mvc.perform(get("/api/v1/calendar/non-working-days").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[?(@.date == '2026-11-24')].name").value("Kommunens stängningsdag"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-12-24')].name").value("Julafton"));
    }

    @Test
    void theCalendarApiDeadlineSkipsAConfiguredClosedDay() throws Exception {
        // By rule Monday + 2 working days is Wednesday 25; with Tuesday closed it is Thursday 26.
        mvc.perform(get("/api/v1/calendar/deadline")
                        .param("receivedAt", "2026-11-23T10:00:00+01:00").param("workingDays", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-11-26"))
                .andExpect(jsonPath("$.dueAt").value("2026-11-26T23:59:59.999999999+01:00"));
    }

    @Test
    void aCaseOpenedBeforeAConfiguredClosedDayIsDueOneWorkingDayLater() {
        CaseId caseId = newCase();

        cases.send(CaseTopic.opened(caseId, "stadsmiljo", MONDAY));

        DeadlineScheduled scheduled = json.readValue(awaitOne(caseId, EventTypes.DEADLINE_SCHEDULED).value(),
                DeadlineScheduled.class);
        assertThat(scheduled.dueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
