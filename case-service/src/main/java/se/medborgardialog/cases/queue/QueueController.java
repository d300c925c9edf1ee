package se.medborgardialog.cases.queue;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.web.NotFoundException;
import se.medborgardialog.cases.security.StaffUser;

/** The caller's queues. {@code status}: open (default), answered, closed or all. */
@RestController
class QueueController {

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
    }

    @GetMapping("/api/v1/queue")
    List<QueueEntry> myQueue(@RequestParam(defaultValue = "open") String status,
            @AuthenticationPrincipal StaffUser user) {
        return queues.queue(user.units(), status);
    }

    /** A unit the caller does not work in answers 404, like a case of that unit. */
    @GetMapping("/api/v1/units/{unit}/cases")
    List<QueueEntry> unitQueue(@PathVariable String unit, @RequestParam(defaultValue = "open") String status,
            @AuthenticationPrincipal StaffUser user) {
        if (!user.worksIn(unit)) {
            throw new NotFoundException("Enheten " + unit + " finns inte.");
        }
        return queues.queue(Set.of(unit), status);
    }
}
