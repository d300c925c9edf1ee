package se.medborgardialog.sla.deadline.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineClocks;
import se.medborgardialog.sla.deadline.DeadlineStatus;
import se.medborgardialog.sla.deadline.Pause;
import se.medborgardialog.sla.security.StaffDirectory;
import se.medborgardialog.sla.web.InvalidRequestException;
import se.medborgardialog.workingdays.SwedishCalendar;

/** The deadline clocks of one case, for staff of the case's unit. */
@RestController
@RequestMapping("/api/v1/deadlines")
class DeadlineController {

    private final DeadlineClocks clocks;
    private final StaffDirectory staff;

    DeadlineController(DeadlineClocks clocks, StaffDirectory staff) {
        this.clocks = clocks;
        this.staff = staff;
    }

    /**
     * @param guarantee the guarantee and the version that governs the clock; null for a clock from before the catalogue
     * @param duration  the promise as written ({@code P2WD}, {@code PT8H}, {@code P3W})
     * @param dueAt    when the clock runs out, with the Stockholm offset of that day: the end of the due date for a
     *                 clock in days, the exact time for one in hours (moved by every resume)
     * @param pausedAt since when the clock waits for the citizen; null unless {@code PAUSED}
     * @param pauses   every pause, oldest first
     */
    record ClockView(String clock, GuaranteeRef guarantee, String duration, DeadlineStatus status, int workingDays,
                     String dueDate, String dueAt, Instant answeredAt, Instant breachedAt, Instant pausedAt,
                     List<PauseView> pauses) {

        static ClockView of(Deadline deadline) {
            return new ClockView(deadline.clock(), deadline.guarantee(), deadline.effectiveTerms().duration(),
                    deadline.status(), deadline.workingDays(), deadline.dueDate().toString(),
                    endOfDay(deadline.dueAt()), deadline.answeredAt(), deadline.breachedAt(), deadline.pausedAt(),
                    deadline.pauses().stream().map(p -> PauseView.of(deadline, p)).toList());
        }
    }

    /**
     * @param resumedAt null while the clock waits, and for a pause the case's answer or closing ended
     * @param daysAdded how far the resume moved the due date (working days, calendar days for a calendar clock)
     * @param dueDate   the due date after the resume
     */
    record PauseView(Instant pausedAt, Instant resumedAt, int daysAdded, String dueDate, String dueAt) {

        static PauseView of(Deadline deadline, Pause pause) {
            return new PauseView(pause.pausedAt(), pause.resumedAt(), pause.daysAdded(),
                    pause.dueDate() == null ? null : pause.dueDate().toString(),
                    pause.resumedDueAt() == null ? null : endOfDay(deadline.dueAtOf(pause.resumedDueAt())));
        }
    }

    private static String endOfDay(Instant dueAt) {
        return dueAt.atZone(SwedishCalendar.STOCKHOLM).toOffsetDateTime().toString();
    }

    record CaseDeadlines(String caseId, String unit, List<ClockView> clocks) {
    }

    @GetMapping("/{caseId}")
    CaseDeadlines deadlines(@PathVariable String caseId, Authentication authentication) {
        CaseId id = parse(caseId);
        List<Deadline> deadlines = clocks.clocksOf(id);
        // A case of another unit answers exactly like a case that does not exist.
        if (deadlines.isEmpty() || !staff.maySee(authentication, deadlines.get(0).unit())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Ärendet finns inte.");
            problem.setTitle("Hittades inte");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return new CaseDeadlines(id.toString(), deadlines.get(0).unit(),
                deadlines.stream().map(ClockView::of).toList());
    }

    private static CaseId parse(String caseId) {
        try {
            return new CaseId(UUID.fromString(caseId));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("caseId", "Ogiltigt ärende-id: ange ett UUID.");
        }
    }
}
