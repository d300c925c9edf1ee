package se.medborgardialog.sla.calendar.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue;
import se.medborgardialog.sla.web.InvalidRequestException;
import se.medborgardialog.sla.web.InvalidRequestException.FieldError;
import se.medborgardialog.workingdays.SwedishCalendar;

/** The Swedish working-day calendar for any client, without authentication: it holds no personal data. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    static final int MAX_WORKING_DAYS = 365;

    private final SwedishCalendar calendar;
    private final GuaranteeCatalogue catalogue;

    CalendarController(SwedishCalendar calendar, GuaranteeCatalogue catalogue) {
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    record DeadlineResponse(String receivedAt, int workingDays, String dueDate, String dueAt) {
    }

    record NonWorkingDaysResponse(int year, List<SwedishCalendar.NonWorkingDay> days) {
    }

    // Parameters arrive as strings so every bad one is named in the problem, in Swedish.
    @GetMapping("/deadline")
    DeadlineResponse deadline(@RequestParam(required = false) String receivedAt,
                              @RequestParam(required = false) String workingDays) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime received = parseReceivedAt(receivedAt, errors);
        int days = parseWorkingDays(workingDays, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        SwedishCalendar.Deadline due = calendar.deadline(received.toInstant(), days);
        return new DeadlineResponse(received.toString(), days, due.dueDate().toString(),
                due.dueAt().toOffsetDateTime().toString());
    }

    @GetMapping("/non-working-days")
    NonWorkingDaysResponse nonWorkingDays(@RequestParam(required = false) String year) {
        int parsed = parseYear(year);
        return new NonWorkingDaysResponse(parsed, calendar.nonWorkingDays(parsed));
    }

    private static OffsetDateTime parseReceivedAt(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("receivedAt", "Ange mottagningstidpunkt (ISO 8601 med tidszon, t.ex. 2026-11-23T10:15:00+01:00)."));
            return null;
        }
        try {
            // An unencoded '+' in a query string decodes to a space; the offset is still unambiguous.
            return OffsetDateTime.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("receivedAt", "Ogiltig tidpunkt: ange ISO 8601 med tidszon, t.ex. 2026-11-23T10:15:00+01:00 eller 2026-11-23T09:15:00Z."));
            return null;
        }
    }

    private int parseWorkingDays(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return catalogue.synpunktFirstAnswerWorkingDays();
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= MAX_WORKING_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError("workingDays", "Ange antal arbetsdagar mellan 1 och " + MAX_WORKING_DAYS + "."));
        return 0;
    }

    private static int parseYear(String value) {
        try {
            int year = Integer.parseInt(value == null ? "" : value.strip());
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw InvalidRequestException.of("year", "Ange ett år mellan " + MIN_YEAR + " och " + MAX_YEAR + ".");
    }
}
