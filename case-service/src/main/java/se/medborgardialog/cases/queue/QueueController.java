package se.medborgardialog.cases.queue;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.casework.QueueFilter;
import se.medborgardialog.cases.web.NotFoundException;
import se.medborgardialog.cases.security.StaffUser;

/**
 * The caller's queues. {@code status}: open (default), waiting (for the citizen), answered, closed or all; filters
 * {@code assignee} (a user name, {@code me} or {@code none}), {@code kind}, {@code category}, {@code channel},
 * {@code caseType} and {@code q} (a diarienummer or tracking code, exact, any case).
 */
@RestController
class QueueController {

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
    }

    @GetMapping("/api/v1/queue")
    List<QueueEntry> myQueue(@RequestParam(defaultValue = "open") String status, Filters filters,
            @AuthenticationPrincipal StaffUser user) {
        return queues.queue(user.units(), status, filters.parse(user));
    }

    /** A unit the caller does not work in answers 404, like a case of that unit. */
    @GetMapping("/api/v1/units/{unit}/cases")
    List<QueueEntry> unitQueue(@PathVariable String unit, @RequestParam(defaultValue = "open") String status,
            Filters filters, @AuthenticationPrincipal StaffUser user) {
        if (!user.worksIn(unit)) {
            throw new NotFoundException("Enheten " + unit + " finns inte.");
        }
        return queues.queue(Set.of(unit), status, filters.parse(user));
    }

    /** The optional filter parameters, bound by name ({@code ?assignee=me&kind=klagomal&q=2026-000123}). */
    record Filters(String assignee, String kind, String category, String channel, String caseType, String q) {

        QueueFilter parse(StaffUser user) {
            return QueueFilters.parse(user.getUsername(), assignee, kind, category, channel, caseType, q);
        }
    }
}
